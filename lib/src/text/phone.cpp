// Phone numbers through the phone plug-in (libcvpress-phone.so, which links
// libphonenumber), loaded the first time a number is checked or formatted.
#include "text/phone.hpp"

#include "base/plugin.hpp"

#include <cvpress/diagnostics.hpp>

namespace cvpress::detail {

namespace {

// The number in `style` (CVPRESS_PHONE_*), or nullopt when it is not valid.
// Throws UnavailableError when the plug-in is missing, RenderError when it fails.
std::optional<std::string> format(std::string_view text, int style) {
  const auto* table = static_cast<const cvpress_phone_plugin*>(
      plugin_table("phone", CVPRESS_PHONE_ABI, "checking phone numbers"));
  char out[CVPRESS_PLUGIN_ERROR_SIZE];
  const int rc = table->format(text.data(), text.size(), style, out, sizeof out);
  if (rc < 0)
    throw RenderError("cannot check the phone number '" + std::string(text) + "': " + out);
  if (rc == 0)
    return std::nullopt;
  return std::string(out);
}

} // namespace

std::optional<std::string> phone_e164(std::string_view text) {
  return format(text, CVPRESS_PHONE_E164);
}

std::string format_phone(std::string_view text, PhoneStyle style) {
  const int s = style == PhoneStyle::national        ? CVPRESS_PHONE_NATIONAL
                : style == PhoneStyle::international ? CVPRESS_PHONE_INTERNATIONAL
                                                     : CVPRESS_PHONE_E164;
  return format(text, s).value_or(std::string(text));
}

} // namespace cvpress::detail
