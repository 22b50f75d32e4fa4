// libcvpress-phone.so: RenderCV's phone number checks and formats with
// libphonenumber (which brings protobuf and abseil), behind the C table of
// base/plugin_abi.h (no exception leaves this file).
#include "base/plugin_abi.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The library, once, with its stdout logger silenced: a CV's bad number is
// reported by libcvpress, located.
const PhoneNumberUtil& util() {
  static PhoneNumberUtil* instance = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger()); // owned by the library
    return u;
  }();
  return *instance;
}

void set_text(char* out, std::size_t out_size, const char* text) {
  if (out && out_size > 0)
    std::snprintf(out, out_size, "%s", text);
}

int format_c(const char* text, std::size_t size, int style, char* out, std::size_t out_size) {
  set_text(out, out_size, "");
  if (style != CVPRESS_PHONE_E164 && style != CVPRESS_PHONE_NATIONAL &&
      style != CVPRESS_PHONE_INTERNATIONAL) {
    set_text(out, out_size, "unknown phone number style");
    return -1;
  }
  try {
    std::string s(text, size);
    if (s.starts_with("tel:"))
      s.erase(0, 4);
    // Like RenderCV (pydantic's PhoneNumber with no default region), a
    // number without a country code is not valid.
    PhoneNumber number;
    if (util().Parse(s, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
        !util().IsValidNumber(number))
      return 0;
    const auto format = style == CVPRESS_PHONE_NATIONAL        ? PhoneNumberUtil::NATIONAL
                        : style == CVPRESS_PHONE_INTERNATIONAL ? PhoneNumberUtil::INTERNATIONAL
                                                               : PhoneNumberUtil::E164;
    std::string written;
    util().Format(number, format, &written);
    if (written.size() >= out_size) {
      set_text(out, out_size, "formatted phone number too long");
      return -1;
    }
    std::memcpy(out, written.c_str(), written.size() + 1);
    return 1;
  } catch (const std::exception& e) {
    set_text(out, out_size, (std::string("libphonenumber failed: ") + e.what()).c_str());
  } catch (...) {
    set_text(out, out_size, "libphonenumber failed");
  }
  return -1;
}

const cvpress_phone_plugin kTable = {CVPRESS_PHONE_ABI, &format_c};

} // namespace

extern "C" __attribute__((visibility("default"))) const void* cvpress_plugin_entry(uint32_t abi) {
  return abi == CVPRESS_PHONE_ABI ? &kTable : nullptr;
}
