#include "load/yaml_tree.hpp"

#include "text/unicode.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

namespace cvpress::detail {

namespace {

using NodePtr = std::shared_ptr<YamlNode>;

// Thrown inside the event handler to stop parsing at the first limit hit.
struct Abort {
  Diagnostic diagnostic;
};

std::string hex_byte(unsigned char b) {
  static constexpr char digits[] = "0123456789ABCDEF";
  return {'0', 'x', digits[b >> 4], digits[b & 15]};
}

std::string code_point(unsigned value) {
  char buf[8];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, 16);
  (void)ec;
  std::string hex(buf, end);
  for (auto& c : hex)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "U+" + std::string(hex.size() < 4 ? 4 - hex.size() : 0, '0') + hex;
}

// The first C0 control (except tab and line breaks), DEL or C1 control
// (U+0080-U+009F) in valid UTF-8 `text`, with its byte offset in `at`.
std::optional<unsigned> find_control(std::string_view text, std::size_t* at = nullptr) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    unsigned cp = 0x20;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      cp = c;
    else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
             static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      cp = static_cast<unsigned char>(text[i + 1]);
    if (cp != 0x20) {
      if (at)
        *at = i;
      return cp;
    }
  }
  return std::nullopt;
}

SourceLocation offset_location(std::string_view text, std::size_t offset, const std::string& file) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {file, line, static_cast<int>(offset - line_start) + 1};
}

std::size_t saturating_add(std::size_t a, std::size_t b) {
  return a > std::numeric_limits<std::size_t>::max() - b ? std::numeric_limits<std::size_t>::max()
                                                         : a + b;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Re-reads a plain scalar's source to keep the line breaks YAML folded into
// spaces. Returns "" when nothing was folded or the source does not match.
std::string unfold(std::string_view source, std::size_t pos, std::string_view value) {
  std::string out;
  bool folded = false;
  std::size_t i = pos;
  for (std::size_t j = 0; j < value.size();) {
    if (i >= source.size())
      return {};
    if (is_space(source[i]) && (value[j] == ' ' || value[j] == '\n')) {
      std::size_t k = i;
      bool newline = false;
      while (k < source.size() && is_space(source[k]))
        newline |= source[k++] == '\n';
      if (newline) {
        i = k;
        out += '\n';
        folded = true;
        while (j < value.size() && value[j] == '\n')
          ++j;
        if (j < value.size() && value[j] == ' ')
          ++j;
        continue;
      }
    }
    if (source[i] != value[j])
      return {};
    out += value[j];
    ++i;
    ++j;
  }
  return folded ? out : std::string();
}

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(std::string_view source, const std::string& file, const LoadLimits& limits)
      : source_(source), file_(file), limits_(limits) {}

  NodePtr root;
  YAML::Mark document_mark;

  // The field path of the node being parsed, e.g. "cv.sections.education[2]".
  std::string path() const {
    std::string p;
    for (const auto& frame : stack_) {
      if (frame.node->kind == YamlNode::Kind::sequence) {
        p += "[" + std::to_string(frame.node->items.size()) + "]";
      } else if (frame.key && frame.key->kind == YamlNode::Kind::scalar) {
        p += (p.empty() ? "" : ".") + frame.key->value;
      } else {
        break;
      }
    }
    return p;
  }

  void OnDocumentStart(const YAML::Mark& mark) override { document_mark = mark; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto node = make(YamlNode::Kind::null, mark);
    // An empty map value is reported by yaml-cpp at the next token: use the key's position.
    if (!stack_.empty() && stack_.back().node->kind == YamlNode::Kind::map && stack_.back().key) {
      node->line = stack_.back().key->line;
      node->column = stack_.back().key->column;
    }
    count(mark, 1);
    remember(anchor, node);
    attach(node);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end())
      fail(mark, "alias refers to an unknown anchor");
    for (const auto& frame : stack_)
      if (frame.node == it->second)
        fail(mark, "alias refers to a node that contains it (recursive alias)");
    count(mark, it->second->expanded);
    attach(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_quote_closed(mark);
    // Escapes such as "\0" or "\e" in quoted strings make control characters
    // the byte check cannot see.
    if (auto bad = find_control(value))
      fail(mark, "control character " + code_point(*bad) + " is not allowed");
    if (value.size() > limits_.max_string_bytes)
      fail(mark, "string is longer than the limit of " + std::to_string(limits_.max_string_bytes) +
                     " bytes");
    auto node = make(YamlNode::Kind::scalar, mark);
    node->value = to_nfc(value);
    node->plain = tag == "?";
    if (node->plain && value.find("- ") != std::string::npos && mark.pos >= 0)
      node->unfolded = to_nfc(unfold(source_, static_cast<std::size_t>(mark.pos), value));
    count(mark, 1);
    remember(anchor, node);
    attach(node);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    NodePtr node;
    std::shared_ptr<const YamlNode> key; // map: key waiting for its value
  };

  [[noreturn]] void fail(const YAML::Mark& mark, std::string message, bool with_path = true) {
    throw Abort{{Severity::error,
                 {file_, mark.line + 1, mark.column + 1},
                 with_path ? path() : std::string(),
                 std::move(message)}};
  }

  static NodePtr make(YamlNode::Kind kind, const YAML::Mark& mark) {
    auto node = std::make_shared<YamlNode>();
    node->kind = kind;
    node->line = mark.line + 1;
    node->column = mark.column + 1;
    return node;
  }

  void count(const YAML::Mark& mark, std::size_t n) {
    nodes_ = saturating_add(nodes_, n);
    if (nodes_ > limits_.max_nodes)
      fail(mark, "more than " + std::to_string(limits_.max_nodes) +
                     " YAML nodes after alias expansion (limit)");
  }

  void remember(YAML::anchor_t anchor, const NodePtr& node) {
    if (anchor != YAML::NullAnchor)
      anchors_[anchor] = node;
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (stack_.size() >= limits_.max_depth)
      fail(mark,
           "nesting is deeper than the limit of " + std::to_string(limits_.max_depth) + " levels",
           false);
    auto node = make(kind, mark);
    count(mark, 1);
    remember(anchor, node);
    stack_.push_back({node, nullptr});
  }

  void close() {
    NodePtr node = std::move(stack_.back().node);
    stack_.pop_back();
    std::size_t total = 1;
    for (const auto& item : node->items)
      total = saturating_add(total, item->expanded);
    for (const auto& [k, v] : node->entries)
      total = saturating_add(saturating_add(total, k->expanded), v->expanded);
    node->expanded = total;
    attach(node);
  }

  // yaml-cpp accepts a quoted string that runs to the end of the file
  // (`name: "unterminated`): report it at its opening quote.
  void check_quote_closed(const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= source_.size())
      return;
    const auto start = static_cast<std::size_t>(mark.pos);
    const char quote = source_[start];
    if (quote != '"' && quote != '\'')
      return;
    for (std::size_t i = start + 1; i < source_.size(); ++i) {
      if (quote == '"' && source_[i] == '\\')
        ++i;
      else if (source_[i] == quote && quote == '\'' && i + 1 < source_.size() &&
               source_[i + 1] == '\'')
        ++i;
      else if (source_[i] == quote)
        return;
    }
    fail(mark, std::string("unterminated ") + (quote == '"' ? "double" : "single") +
                   "-quoted string (no closing " + quote + " before the end of the file)");
  }

  void attach(std::shared_ptr<const YamlNode> node) {
    if (stack_.empty()) {
      root = std::const_pointer_cast<YamlNode>(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node->kind == YamlNode::Kind::sequence) {
      top.node->items.push_back(std::move(node));
    } else if (!top.key) {
      top.key = std::move(node);
    } else {
      top.node->entries.emplace_back(std::move(top.key), std::move(node));
      top.key = nullptr;
    }
  }

  std::string_view source_;
  const std::string& file_;
  const LoadLimits& limits_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, NodePtr> anchors_;
  std::size_t nodes_ = 0;
};

// Rejects bytes YAML cannot hold before yaml-cpp sees them.
void check_bytes(std::string_view text, const std::string& file) {
  // UTF-16/32 (with a byte-order mark): name the encoding, not a byte.
  static const struct {
    std::string_view bom;
    const char* name;
  } kBoms[] = {{std::string_view("\xFF\xFE\0\0", 4), "UTF-32 (little-endian)"},
               {std::string_view("\0\0\xFE\xFF", 4), "UTF-32 (big-endian)"},
               {"\xFF\xFE", "UTF-16 (little-endian)"},
               {"\xFE\xFF", "UTF-16 (big-endian)"}};
  for (const auto& b : kBoms)
    if (text.starts_with(b.bom))
      throw InputError({{Severity::error,
                         {file, 1, 1},
                         "",
                         std::string("the file is encoded as ") + b.name +
                             "; cvpress reads UTF-8 (save the file as UTF-8)"}});
  if (auto bad = find_invalid_utf8(text))
    throw InputError(
        {{Severity::error, offset_location(text, *bad, file), "",
          "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(text[*bad])) + ")"}});
  std::size_t at = 0;
  if (auto bad = find_control(text, &at))
    throw InputError({{Severity::error, offset_location(text, at, file), "",
                       "control character " + code_point(*bad) + " is not allowed"}});
}

bool line_indented_with_tab(std::string_view text, int line) {
  int current = 1;
  std::size_t i = 0;
  while (current < line && i < text.size())
    if (text[i++] == '\n')
      ++current;
  for (; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i)
    if (text[i] == '\t')
      return true;
  return false;
}

} // namespace

std::string_view describe_kind(const YamlNode& node) {
  switch (node.kind) {
  case YamlNode::Kind::null:
    return "an empty value";
  case YamlNode::Kind::scalar:
    return "a string";
  case YamlNode::Kind::sequence:
    return "a list";
  case YamlNode::Kind::map:
    return "a map";
  }
  return "a value";
}

std::shared_ptr<const YamlNode> parse_yaml(std::string_view text, const std::string& filename,
                                           const LoadLimits& limits) {
  if (text.size() > limits.max_file_bytes)
    throw InputError({{Severity::error,
                       {filename, 0, 0},
                       "",
                       "input is larger than the limit of " +
                           std::to_string(limits.max_file_bytes) + " bytes"}});
  check_bytes(text, filename);
  std::istringstream in{std::string(text)};
  TreeBuilder builder(text, filename, limits);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder) || !builder.root ||
        builder.root->kind == YamlNode::Kind::null)
      throw InputError({{Severity::error, {filename, 1, 1}, "", "file is empty"}});
    auto root = builder.root;
    TreeBuilder rest(text, filename, limits);
    if (parser.HandleNextDocument(rest))
      throw InputError({{Severity::error,
                         {filename, rest.document_mark.line + 1, rest.document_mark.column + 1},
                         "",
                         "only one YAML document is allowed"}});
    return root;
  } catch (const Abort& abort) {
    throw InputError({abort.diagnostic});
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? 0 : e.mark.line + 1;
    int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    std::string message = "invalid YAML: " + e.msg;
    if (line > 0 && (line_indented_with_tab(text, line) ||
                     (line > 1 && line_indented_with_tab(text, line - 1))))
      message += " (tabs are not allowed for indentation)";
    throw InputError(
        {{Severity::error, {filename, line, column}, builder.path(), std::move(message)}});
  }
}

} // namespace cvpress::detail
