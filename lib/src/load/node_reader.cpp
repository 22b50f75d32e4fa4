#include "load/node_reader.hpp"

#include "text/unicode.hpp"

#include <algorithm>
#include <unordered_map>

namespace cvpress::detail {

using Kind = YamlNode::Kind;

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

std::string quoted_list(Keys keys, std::string_view last_sep) {
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0)
      out += i + 1 == keys.size() ? std::string(last_sep) : ", ";
    out += keys[i];
  }
  return out;
}

std::optional<std::string_view> suggest(std::string_view key, Keys known) {
  std::optional<std::string_view> best;
  std::size_t best_distance = key.size() <= 3 ? 1 : 2;
  for (auto k : known) {
    std::size_t d = edit_distance(key, k);
    if (d <= best_distance && (!best || d < best_distance)) {
      best = k;
      best_distance = d;
    }
  }
  return best;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void NodeReader::error(const YamlNode& n, const std::string& path, std::string message) {
  errors.push_back({Severity::error, at(n), path, std::move(message)});
}

void NodeReader::warn(const YamlNode& n, const std::string& path, std::string message) {
  warnings.push_back({Severity::warning, at(n), path, std::move(message)});
}

void NodeReader::wrong_type(const YamlNode& n, const std::string& path, std::string_view expected) {
  error(n, path, "expected " + std::string(expected) + ", got " + std::string(describe_kind(n)));
}

// The map's fields in order; duplicate and non-string keys are errors.
Fields NodeReader::fields(const YamlNode& map, const std::string& path) {
  Fields out;
  std::vector<const YamlNode*> merges;
  std::unordered_map<std::string_view, const YamlNode*> seen; // key -> its first key node
  for (const auto& [k, v] : map.entries) {
    if (k->kind == Kind::scalar && k->plain && k->value == "<<") {
      merges.push_back(v.get()); // YAML merge key, applied below
      continue;
    }
    if (k->kind != Kind::scalar) {
      error(*k, path, "a key must be a string, got " + std::string(detail::describe_kind(*k)));
      continue;
    }
    auto [it, fresh] = seen.emplace(k->value, k.get());
    if (!fresh) {
      error(*k, join(path, k->value),
            "duplicate key (first defined at line " + std::to_string(it->second->line) +
                ", column " + std::to_string(it->second->column) + ")");
      continue;
    }
    out.push_back({k->value, k.get(), v.get()});
  }
  for (const YamlNode* m : merges) {
    std::vector<const YamlNode*> sources;
    if (m->kind == Kind::map)
      sources.push_back(m);
    else if (m->kind == Kind::sequence)
      for (const auto& item : m->items)
        sources.push_back(item.get());
    for (const YamlNode* src : sources) {
      if (src->kind != Kind::map) {
        wrong_type(*src, join(path, "<<"), "a map to merge");
        continue;
      }
      for (const auto& [k, v] : src->entries)
        if (k->kind == Kind::scalar && seen.emplace(k->value, k.get()).second)
          out.push_back({k->value, k.get(), v.get()});
    }
  }
  return out;
}

const Field* NodeReader::find(const Fields& fs, std::string_view key) {
  for (const auto& f : fs)
    if (f.key == key)
      return &f;
  return nullptr;
}

void NodeReader::check_keys(const Fields& fs, Keys allowed, const std::string& path,
                            Severity severity) {
  for (const auto& f : fs) {
    if (std::find(allowed.begin(), allowed.end(), f.key) != allowed.end())
      continue;
    std::string message = severity == Severity::error ? "unknown key" : "unknown key, ignored";
    if (auto s = suggest(f.key, allowed))
      message += " (did you mean '" + std::string(*s) + "'?)";
    else if (severity == Severity::error)
      message += " (expected one of: " + quoted_list(allowed, ", ") + ")";
    if (severity == Severity::error)
      error(*f.key_node, join(path, f.key), std::move(message));
    else
      warn(*f.key_node, join(path, f.key), std::move(message));
  }
}

// A map value, or nullptr (with an error when it is not a map).
OptionValue NodeReader::option(const YamlNode& n) const {
  OptionValue v;
  v.where = at(n);
  switch (n.kind) {
  case YamlNode::Kind::null:
    break;
  case YamlNode::Kind::scalar:
    v.kind = OptionValue::Kind::scalar;
    v.scalar = n.value;
    break;
  case YamlNode::Kind::sequence:
    v.kind = OptionValue::Kind::sequence;
    for (const auto& item : n.items)
      v.items.push_back(option(*item));
    break;
  case YamlNode::Kind::map:
    v.kind = OptionValue::Kind::map;
    for (const auto& [k, val] : n.entries)
      if (k->kind == YamlNode::Kind::scalar)
        v.keys.emplace_back(k->value, option(*val));
    break;
  }
  return v;
}

std::optional<Fields> NodeReader::map_fields(const YamlNode& n, const std::string& path) {
  if (n.kind != Kind::map) {
    wrong_type(n, path, "a map");
    return std::nullopt;
  }
  return fields(n, path);
}

// An optional string: absent or empty value gives nullopt.
std::optional<std::string> NodeReader::string_of(const Fields& fs, std::string_view key,
                                                 const std::string& path) {
  const Field* f = find(fs, key);
  if (!f || f->value->kind == Kind::null)
    return std::nullopt;
  if (f->value->kind != Kind::scalar) {
    wrong_type(*f->value, join(path, key), "a string");
    return std::nullopt;
  }
  return f->value->value;
}

// A required string field; reports a missing key at the map.
const YamlNode* NodeReader::required(const YamlNode& map, const Fields& fs, std::string_view key,
                                     const std::string& path) {
  const Field* f = find(fs, key);
  if (!f) {
    error(map, path, "missing required key '" + std::string(key) + "'");
    return nullptr;
  }
  if (f->value->kind != Kind::scalar) {
    wrong_type(*f->value, join(path, key), "a string");
    return nullptr;
  }
  if (trim(f->value->value).empty()) {
    error(*f->value, join(path, key), "must not be empty");
    return nullptr;
  }
  return f->value;
}

std::string NodeReader::plain(const Fields& fs, std::string_view key, const std::string& path) {
  return std::string(trim(string_of(fs, key, path).value_or("")));
}

// A string or a list of strings.
std::vector<const YamlNode*> NodeReader::string_list(const Fields& fs, std::string_view key,
                                                     const std::string& path) {
  const Field* f = find(fs, key);
  std::vector<const YamlNode*> out;
  if (!f || f->value->kind == Kind::null)
    return out;
  std::string p = join(path, key);
  if (f->value->kind == Kind::scalar) {
    out.push_back(f->value);
  } else if (f->value->kind == Kind::sequence) {
    for (std::size_t i = 0; i < f->value->items.size(); ++i) {
      const YamlNode& item = *f->value->items[i];
      if (item.kind == Kind::scalar)
        out.push_back(&item);
      else
        wrong_type(item, index(p, i), "a string");
    }
  } else {
    wrong_type(*f->value, p, "a string or a list of strings");
  }
  return out;
}

std::vector<std::string> NodeReader::plain_list(const Fields& fs, std::string_view key,
                                                const std::string& path) {
  std::vector<std::string> out;
  for (const YamlNode* n : string_list(fs, key, path))
    out.emplace_back(trim(n->value));
  return out;
}

std::optional<bool> NodeReader::boolean(const Fields& fs, std::string_view key,
                                        const std::string& path) {
  auto s = string_of(fs, key, path);
  if (!s)
    return std::nullopt;
  std::string v(*s);
  std::transform(v.begin(), v.end(), v.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (v == "true" || v == "yes")
    return true;
  if (v == "false" || v == "no")
    return false;
  error(*find(fs, key)->value, join(path, key), "expected true or false, got '" + *s + "'");
  return std::nullopt;
}

} // namespace cvpress::detail
