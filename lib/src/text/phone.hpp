#pragma once
// Phone numbers as RenderCV checks and writes them, with libphonenumber:
// a number must carry its country code (+1 ..., as RenderCV requires) and be
// valid for that country. libphonenumber (with protobuf and abseil) lives in
// the plug-in libcvpress-phone.so, loaded on the first call; when it cannot
// be loaded both functions throw UnavailableError (CLI exit code 6).
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// How a phone number is written.
enum class PhoneStyle {
  national,      ///< "(555) 123-4567"
  international, ///< "+1 555-123-4567"
  e164,          ///< "+15551234567"
};

/// The number in E.164 form ("+15551234567") when `text` is a valid phone
/// number with its country code ("+1-609-999-9995", "tel:+90 541 999 99 99");
/// nullopt otherwise. Throws UnavailableError without the phone plug-in.
std::optional<std::string> phone_e164(std::string_view text);

/// `text` written in `style`; `text` unchanged when it is not a valid number.
std::string format_phone(std::string_view text, PhoneStyle style);

} // namespace cvpress::detail
