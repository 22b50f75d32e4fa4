#pragma once
/// @file schema.hpp
/// The JSON Schema of the input format (`cvpress schema`).

#include <cvpress/export.hpp>

#include <string>

namespace cvpress {

/// A JSON Schema (draft 2020-12) of the whole YAML input format: RenderCV's
/// keys and cvpress's extensions, generated from the tables the loader checks
/// keys against (so it lists exactly the keys the loader reads), pretty-printed
/// with a final newline. The committed copy is schema/cvpress.schema.json;
/// installed as share/cvpress/cvpress.schema.json.
[[nodiscard]] CVPRESS_API std::string json_schema();

} // namespace cvpress
