// `cvpress convert`: a JSON Resume (or cvpress) document as cvpress YAML.
#include <cvpress/load.hpp>

#include "load/prepare.hpp"
#include "load/yaml_tree.hpp"

#include <yaml-cpp/yaml.h>

namespace cvpress {

namespace {

using Kind = detail::YamlNode::Kind;

void emit(YAML::Emitter& out, const detail::YamlNode& n) {
  switch (n.kind) {
  case Kind::null:
    out << YAML::Null;
    break;
  case Kind::scalar:
    // Words YAML would read as null stay strings.
    if (n.value == "null" || n.value == "~" || n.value == "Null" || n.value == "NULL")
      out << YAML::DoubleQuoted << n.value;
    else
      out << n.value;
    break;
  case Kind::sequence:
    out << YAML::BeginSeq;
    for (const auto& i : n.items)
      emit(out, *i);
    out << YAML::EndSeq;
    break;
  case Kind::map:
    out << YAML::BeginMap;
    for (const auto& [k, v] : n.entries) {
      out << YAML::Key;
      emit(out, *k);
      out << YAML::Value;
      emit(out, *v);
    }
    out << YAML::EndMap;
    break;
  }
}

} // namespace

std::string convert_to_yaml(std::string_view text, std::string_view filename,
                            const LoadOptions& options) {
  std::string file(filename);
  auto root = detail::parse_yaml(text, file, options.limits);
  detail::NodeReader reader(file);
  detail::NodeRef doc = root;
  if (detail::is_json_resume(*root, file))
    doc = detail::json_resume_to_cv(*root, reader);
  if (!reader.errors.empty()) {
    auto all = std::move(reader.errors);
    all.insert(all.end(), reader.warnings.begin(), reader.warnings.end());
    throw InputError(std::move(all));
  }
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, *doc);
  if (!out.good())
    throw InputError({{Severity::error, {file, 0, 0}, "", out.GetLastError()}});
  std::string yaml = "# Converted by cvpress convert from " + file + "\n";
  yaml += out.c_str();
  yaml += '\n';
  return yaml;
}

} // namespace cvpress
