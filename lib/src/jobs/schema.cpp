// `cvpress schema`: the JSON Schema generated from the input-format tables
// (load/input_format.hpp) and the design options (style/style_loader.hpp).
#include <cvpress/schema.hpp>

#include "load/input_format.hpp"
#include "style/style_loader.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace cvpress {

namespace {

using detail::input::Field;
using detail::input::Value;
using nlohmann::ordered_json;

ordered_json ref(std::string_view def) { return {{"$ref", "#/$defs/" + std::string(def)}}; }

ordered_json string_enum(auto names) {
  ordered_json list = ordered_json::array();
  for (const auto& n : names)
    list.push_back(std::string(n));
  return list;
}

// The schema of one value kind.
ordered_json value_schema(Value v) {
  switch (v) {
  case Value::text:
    return ref("text");
  case Value::plain:
    return ref("plain");
  case Value::url:
    return ref("url");
  case Value::doi:
    return ref("doi");
  case Value::date:
    return ref("date");
  case Value::strings:
    return ref("strings");
  case Value::string_list:
    return {{"type", "array"}, {"items", ref("plain")}};
  case Value::twelve_strings:
    return {{"type", "array"}, {"items", ref("plain")}, {"minItems", 12}, {"maxItems", 12}};
  case Value::highlights:
    return ref("highlights");
  case Value::authors:
    return ref("authors");
  case Value::events:
    return {{"type", "array"}, {"items", ref("event")}, {"minItems", 1}};
  case Value::boolean:
    return {{"type", "boolean"}};
  case Value::person_name:
    return ref("person_name");
  case Value::social_networks:
    return {{"type", "array"}, {"items", ref("social_network")}};
  case Value::custom_connections:
    return {{"type", "array"}, {"items", ref("custom_connection")}};
  case Value::sections:
    return ref("sections");
  case Value::sort:
    return ref("sort");
  case Value::variants:
    return {{"type", "object"}, {"additionalProperties", ref("variant")}};
  case Value::map:
    return {{"type", "object"}};
  case Value::cv:
    return ref("cv");
  case Value::any:
    return ordered_json::object();
  }
  return ordered_json::object();
}

// An object schema from a field table. Optional keys may also be null (an
// empty YAML value); `closed` forbids other keys (the loader's errors and
// warnings for unknown keys).
ordered_json object_schema(std::span<const Field> fields, bool closed,
                           std::string_view about = {}) {
  ordered_json props = ordered_json::object();
  ordered_json required = ordered_json::array();
  for (const Field& f : fields) {
    ordered_json p = value_schema(f.value);
    if (!f.required)
      p = {{"anyOf", {p, {{"type", "null"}}}}};
    else
      required.push_back(std::string(f.key));
    if (!f.about.empty())
      p["description"] = std::string(f.about);
    props[std::string(f.key)] = std::move(p);
  }
  ordered_json out = {{"type", "object"}};
  if (!about.empty())
    out["description"] = std::string(about);
  out["properties"] = std::move(props);
  if (!required.empty())
    out["required"] = std::move(required);
  out["additionalProperties"] = !closed;
  return out;
}

ordered_json design_value(const detail::DesignOption& o) {
  using detail::DesignValue;
  switch (o.value) {
  case DesignValue::theme:
    return {{"anyOf",
             {{{"enum", string_enum(detail::theme_names())}},
              {{"type", "string"}, {"description", "other themes fall back to classic"}}}}};
  case DesignValue::choice:
    return {{"enum", string_enum(o.choices)}};
  case DesignValue::length:
    return {{"type", "string"},
            {"pattern", "^\\s*-?[0-9]*\\.?[0-9]+\\s*(pt|cm|mm|in|em|ex)\\s*$"},
            {"description", "a length such as 10pt, 2cm, 20mm, 1in or 1.2em"}};
  case DesignValue::color:
    return {{"type", "string"},
            {"description", "a colour name, #rrggbb, rgb(r, g, b) or hsl(h, s%, l%)"}};
  case DesignValue::font:
    return {{"anyOf",
             {{{"type", "string"}, {"description", "a font family name"}},
              {{"type", "object"}, {"description", "a font family per element"}}}}};
  case DesignValue::flag:
    return {{"type", "boolean"}};
  case DesignValue::text:
    return {{"type", "string"}};
  case DesignValue::template_:
    return {{"type", {"string", "null"}}};
  case DesignValue::sections:
    return {{"anyOf", {ref("strings"), {{"type", "string"}}}}};
  case DesignValue::count:
    return {{"type", "integer"}, {"minimum", 1}};
  case DesignValue::fraction:
    return {{"anyOf",
             {{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 1}},
              {{"type", "string"}, {"pattern", "^\\s*[0-9]*\\.?[0-9]+\\s*%\\s*$"}}}}};
  }
  return ordered_json::object();
}

// design: theme and RenderCV's design options (2.x and 1.x spellings), nested
// by group; other keys are allowed (the loader warns that they are ignored).
ordered_json design_schema() {
  ordered_json props = ordered_json::object();
  for (const detail::DesignOption& o : detail::design_options()) {
    ordered_json* level = &props;
    std::string_view key = o.key;
    for (auto dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.')) {
      ordered_json& group = (*level)[std::string(key.substr(0, dot))];
      if (group.is_null())
        group = {{"type", "object"}, {"properties", ordered_json::object()}};
      level = &group["properties"];
      key.remove_prefix(dot + 1);
    }
    (*level)[std::string(key)] = design_value(o);
  }
  return {{"type", "object"},
          {"description", "the look: a theme (built-in style) and RenderCV's design options; "
                          "unknown options are ignored with a warning"},
          {"properties", std::move(props)}};
}

ordered_json entry_schema() {
  ordered_json any = ordered_json::array();
  any.push_back({{"$ref", "#/$defs/text"}, {"description", "a text entry (a paragraph)"}});
  for (const auto& type : detail::input::kEntryTypes) {
    ordered_json e = object_schema(type.fields, true, std::string(type.name) + " entry");
    e["properties"]["tags"] = {{"$ref", "#/$defs/strings"},
                               {"description", "tags for --only/--exclude (cvpress)"}};
    // The loader takes the first type whose deciding key is present.
    ordered_json req = ordered_json::array({std::string(type.deciding)});
    for (const Field& f : type.fields)
      if (f.required && f.key != type.deciding)
        req.push_back(std::string(f.key));
    e["required"] = std::move(req);
    any.push_back(std::move(e));
  }
  ordered_json bib = object_schema(detail::input::kBibliography, true,
                                   "publications from a bibliography file (cvpress)");
  any.push_back(std::move(bib));
  return {{"anyOf", std::move(any)}};
}

} // namespace

std::string json_schema() {
  namespace in = detail::input;
  ordered_json defs = ordered_json::object();
  defs["language_map"] = {
      {"type", "object"},
      {"description", "the same text in several languages, picked by locale.language or --lang "
                      "(cvpress)"},
      {"propertyNames", {{"pattern", "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"}}},
      {"additionalProperties",
       {{"anyOf",
         {{{"type", {"string", "number", "boolean", "null"}}},
          {{"type", "array"}, {"items", {{"type", {"string", "number", "boolean"}}}}}}}}},
      {"minProperties", 1}};
  defs["text"] = {
      {"description", "text with inline Markdown: **bold**, *italic*, [link](url), `code`, $math$"},
      {"anyOf", {{{"type", {"string", "number", "boolean"}}}, ref("language_map")}}};
  defs["plain"] = {{"anyOf", {{{"type", {"string", "number", "boolean"}}}, ref("language_map")}}};
  defs["url"] = {{"type", "string"},
                 {"description", "an http(s), mailto, tel or ftp address, or a host name"}};
  // The loader's check (load/loader.cpp): "10." and a '/', after an optional prefix.
  defs["doi"] = {{"type", "string"},
                 {"pattern", "^\\s*(https?://(dx\\.)?doi\\.org/|doi:)?10\\.[^/]*/"},
                 {"description", "a DOI such as 10.1145/3575693.3575705"}};
  defs["date"] = {
      {"description", "YYYY, YYYY-MM, YYYY-MM-DD, present, or free text shown as written"},
      {"anyOf", {{{"type", "integer"}}, {{"type", "string"}}, ref("language_map")}}};
  defs["strings"] = {{"anyOf", {ref("plain"), {{"type", "array"}, {"items", ref("plain")}}}}};
  defs["highlight"] = {
      {"anyOf",
       {ref("text"), object_schema(in::kHighlight, true, "a bullet with nested bullets")}}};
  defs["highlights"] = {
      {"anyOf", {{{"type", "array"}, {"items", ref("highlight")}}, ref("language_map")}}};
  defs["author"] = {{"anyOf", {ref("plain"), object_schema(in::kAuthor, true)}}};
  defs["authors"] = {
      {"anyOf", {{{"type", "array"}, {"items", ref("author")}}, ref("language_map")}}};
  defs["event"] = object_schema(in::kEvent, true, "one delivery of a talk");
  defs["person_name"] = {{"anyOf", {ref("plain"), object_schema(in::kName, true)}}};
  defs["social_network"] = object_schema(in::kSocial, true);
  defs["custom_connection"] = object_schema(in::kConnection, true);
  defs["entry"] = entry_schema();
  defs["section"] = {{"anyOf",
                      {{{"type", "array"}, {"items", ref("entry")}},
                       {{"type", "object"},
                        {"description", "a section with a title per language or tags (cvpress)"},
                        {"properties",
                         {{"title", ref("plain")},
                          {"entries", {{"type", "array"}, {"items", ref("entry")}}},
                          {"tags", ref("strings")}}},
                        {"required", {"entries"}},
                        {"additionalProperties", false}}}}};
  defs["sections"] = {{"type", "object"},
                      {"description", "section title (or key) -> its entries, in order"},
                      {"additionalProperties", ref("section")}};
  defs["sort_order"] = {{"enum", string_enum(in::kSortOrderNames)}};
  defs["sort"] = {
      {"anyOf",
       {ref("sort_order"), {{"type", "object"}, {"additionalProperties", ref("sort_order")}}}}};
  defs["variant"] = object_schema(in::kVariant, true, "a named set of tag filters (cvpress)");
  defs["cv"] = object_schema(in::kCv, true, "the CV: header fields and sections");

  ordered_json top = object_schema(in::kTop, true);
  ordered_json& props = top["properties"];
  props["design"] = {{"anyOf", {design_schema(), {{"type", "null"}}}}};
  // locale: the loader's keys; others are RenderCV's (ignored with a warning).
  ordered_json locale = object_schema(in::kLocale, false, "language, date words, month names");
  locale["properties"]["phrases"] = object_schema(in::kPhrases, false, "RenderCV phrases");
  props["locale"] = {{"anyOf", {std::move(locale), {{"type", "null"}}}}};
  ordered_json settings = object_schema(in::kSettings, false, "settings (others are RenderCV's)");
  settings["properties"]["variants"] = {
      {"anyOf", {value_schema(Value::variants), {{"type", "null"}}}},
      {"description", "named filters: render with --variant NAME (cvpress)"}};
  settings["properties"]["render_command"] =
      object_schema(in::kRenderCommand, false, "RenderCV's render command options");
  props["settings"] = {{"anyOf", {std::move(settings), {{"type", "null"}}}}};

  ordered_json schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                         {"title", "cvpress CV"},
                         {"description",
                          "A CV for cvpress: RenderCV's YAML format and cvpress's extensions. "
                          "Generated by `cvpress schema`."}};
  for (auto& [k, v] : top.items())
    schema[k] = v;
  schema["$defs"] = std::move(defs);
  return schema.dump(2) + "\n";
}

} // namespace cvpress
