#pragma once
// Escaping for XML and HTML text and quoted attribute values, shared by the
// HTML writer and the PDF's XMP metadata.
#include <string>
#include <string_view>

namespace cvpress::detail {

/// `text` with & < > " ' as character references and C0 controls (except
/// tab and newline), DEL and U+FFFE/U+FFFF dropped: valid in XML 1.0 and
/// HTML text and in quoted attribute values.
[[nodiscard]] std::string escape_xml(std::string_view text);

} // namespace cvpress::detail
