#include "text/locale_format.hpp"

#include "text/unicode.hpp"

#include "text/translations.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtitvinf.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/measfmt.h>
#include <unicode/measunit.h>
#include <unicode/measure.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <utility>

namespace cvpress::detail {

namespace {

// ------------------------------------------------------------- languages

struct LanguageName {
  std::string_view name; // RenderCV `locale.language` value (or a common alias)
  std::string_view tag;  // BCP-47
};

// RenderCV v2's language names (english_locale.py), its older spellings, and
// common English names of other languages ICU has data for.
constexpr std::array<LanguageName, 58> kLanguageNames = {{
    {"english", "en"},
    {"mandarin_chinese", "zh"},
    {"mandarin_chineese", "zh"}, // RenderCV's old file name
    {"chinese", "zh"},
    {"simplified_chinese", "zh-Hans"},
    {"traditional_chinese", "zh-Hant"},
    {"cantonese", "yue"},
    {"german", "de"},
    {"french", "fr"},
    {"spanish", "es"},
    {"russian", "ru"},
    {"arabic", "ar"},
    {"hebrew", "he"},
    {"japanese", "ja"},
    {"korean", "ko"},
    {"vietnamese", "vi"},
    {"portuguese", "pt"},
    {"brazilian_portuguese", "pt-BR"},
    {"italian", "it"},
    {"turkish", "tr"},
    {"hindi", "hi"},
    {"danish", "da"},
    {"dutch", "nl"},
    {"norwegian", "nb"},
    {"norwegian_bokmål", "nb"},
    {"norwegian_bokmal", "nb"},
    {"norwegian_nynorsk", "nn"},
    {"swedish", "sv"},
    {"finnish", "fi"},
    {"polish", "pl"},
    {"czech", "cs"},
    {"slovak", "sk"},
    {"slovenian", "sl"},
    {"croatian", "hr"},
    {"serbian", "sr"},
    {"bulgarian", "bg"},
    {"ukrainian", "uk"},
    {"greek", "el"},
    {"hungarian", "hu"},
    {"romanian", "ro"},
    {"estonian", "et"},
    {"latvian", "lv"},
    {"lithuanian", "lt"},
    {"indonesian", "id"},
    {"indonesia", "id"},
    {"malay", "ms"},
    {"filipino", "fil"},
    {"thai", "th"},
    {"persian", "fa"},
    {"farsi", "fa"},
    {"urdu", "ur"},
    {"bengali", "bn"},
    {"tamil", "ta"},
    {"catalan", "ca"},
    {"basque", "eu"},
    {"galician", "gl"},
    {"swahili", "sw"},
    {"icelandic", "is"},
}};

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// ------------------------------------------------------ formatter cache

constexpr int kPrecisions = 3; // year, month, day
constexpr int kStyles = 3;     // abbreviated, wide, numeric

const char* skeleton(DateStyle style, int precision) {
  static constexpr std::array<std::array<const char*, kPrecisions>, kStyles> table = {{
      {"y", "yMMM", "yMMMd"},
      {"y", "yMMMM", "yMMMMd"},
      {"y", "yMM", "yMMdd"},
  }};
  return table.at(static_cast<std::size_t>(style)).at(static_cast<std::size_t>(precision));
}

int precision_of(const CalendarDate& d) { return d.month == 0 ? 0 : (d.day == 0 ? 1 : 2); }

// The ICU objects of one DateLocale, owned by one thread.
struct Formatters {
  icu::Locale locale;
  std::unique_ptr<icu::GregorianCalendar> from; // UTC calendars reused for every call
  std::unique_ptr<icu::GregorianCalendar> to;
  std::array<std::unique_ptr<icu::SimpleDateFormat>, kPrecisions * kStyles> single;
  std::array<std::unique_ptr<icu::DateIntervalFormat>, kPrecisions * kStyles> interval;
  std::array<bool, kPrecisions * kStyles> interval_broken{};
  std::array<std::optional<std::string>, kPrecisions * kStyles> separator;
  std::unique_ptr<icu::MeasureFormat> measure;
  std::unordered_map<std::uint64_t, std::string> durations; // formatMeasures is slow (~30 µs)
};

std::size_t slot(DateStyle style, int precision) {
  return static_cast<std::size_t>(static_cast<int>(style) * kPrecisions + precision);
}

Formatters& formatters(const DateLocale& locale) {
  thread_local std::unordered_map<std::string, std::unique_ptr<Formatters>> cache;
  auto it = cache.find(locale.key());
  if (it != cache.end())
    return *it->second;
  auto f = std::make_unique<Formatters>();
  UErrorCode status = U_ZERO_ERROR;
  f->locale = icu::Locale::forLanguageTag(locale.tag(), status);
  if (U_FAILURE(status) || f->locale.isBogus()) {
    status = U_ZERO_ERROR;
    f->locale = icu::Locale::getEnglish();
  }
  f->locale.setKeywordValue("calendar", "gregorian", status);
  status = U_ZERO_ERROR;
  f->from = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), f->locale, status);
  f->to = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), f->locale, status);
  return *cache.emplace(locale.key(), std::move(f)).first->second;
}

void set_calendar(icu::GregorianCalendar& cal, const CalendarDate& d) {
  cal.clear();
  cal.set(d.year, std::max(d.month, 1) - 1, std::max(d.day, 1));
}

void set_months(icu::DateFormatSymbols& symbols, const std::vector<std::string>& names,
                icu::DateFormatSymbols::DtWidthType width) {
  if (names.size() != 12)
    return;
  std::array<icu::UnicodeString, 12> u;
  for (std::size_t i = 0; i < 12; ++i)
    u[i] = from_utf8(names[i]);
  symbols.setMonths(u.data(), 12, icu::DateFormatSymbols::FORMAT, width);
  symbols.setMonths(u.data(), 12, icu::DateFormatSymbols::STANDALONE, width);
}

// The single-date formatter for a style and precision, with month overrides.
icu::SimpleDateFormat* single_format(Formatters& f, const DateLocale& locale, DateStyle style,
                                     int precision) {
  auto& fmt = f.single[slot(style, precision)];
  if (fmt)
    return fmt.get();
  UErrorCode status = U_ZERO_ERROR;
  // ICU's process-wide cache of best patterns, which DateIntervalFormat
  // fills for the same skeletons: no pattern generator of our own (~2 ms).
  const icu::UnicodeString pattern = icu::DateFormat::getBestPattern(
      f.locale, icu::UnicodeString(skeleton(style, precision)), status);
  if (U_FAILURE(status))
    return nullptr;
  fmt = std::make_unique<icu::SimpleDateFormat>(pattern, f.locale, status);
  if (U_FAILURE(status)) {
    fmt.reset();
    return nullptr;
  }
  fmt->adoptCalendar(f.from->clone());
  if (locale.overrides_months()) {
    icu::DateFormatSymbols symbols(*fmt->getDateFormatSymbols());
    set_months(symbols, locale.month_names(), icu::DateFormatSymbols::WIDE);
    set_months(symbols, locale.month_abbreviations(), icu::DateFormatSymbols::ABBREVIATED);
    fmt->setDateFormatSymbols(symbols);
  }
  return fmt.get();
}

// Some CLDR data break ICU's interval split (fa: "LLL تا MMM y" has no
// repeated field letter, so "Jan – Aug" prints as "Jan – Jan"). An interval
// format is used only when intervals differing in each field at `precision`
// come out different.
bool interval_works(Formatters& f, const icu::DateIntervalFormat& fmt, int precision) {
  const auto format = [&f, &fmt](const CalendarDate& a, const CalendarDate& b) {
    set_calendar(*f.from, a);
    set_calendar(*f.to, b);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out;
    icu::FieldPosition position;
    fmt.format(*f.from, *f.to, out, position, status);
    return U_SUCCESS(status) ? out : icu::UnicodeString();
  };
  const CalendarDate start{2001, 1, 1};
  std::vector<std::pair<CalendarDate, CalendarDate>> ends = {{{2003, 1, 1}, {2004, 1, 1}}};
  if (precision >= 1)
    ends.push_back({{2001, 8, 1}, {2001, 9, 1}});
  if (precision >= 2)
    ends.push_back({{2001, 1, 8}, {2001, 1, 9}});
  for (const auto& [one, other] : ends) {
    const icu::UnicodeString a = format(start, one);
    if (a.isEmpty() || a == format(start, other))
      return false;
  }
  return true;
}

icu::DateIntervalFormat* interval_format(Formatters& f, DateStyle style, int precision) {
  auto& fmt = f.interval[slot(style, precision)];
  if (fmt || f.interval_broken[slot(style, precision)])
    return fmt.get();
  UErrorCode status = U_ZERO_ERROR;
  fmt.reset(icu::DateIntervalFormat::createInstance(icu::UnicodeString(skeleton(style, precision)),
                                                    f.locale, status));
  if (U_FAILURE(status)) {
    fmt.reset();
    return nullptr;
  }
  fmt->setTimeZone(*icu::TimeZone::getGMT());
  if (!interval_works(f, *fmt, precision)) {
    fmt.reset();
    f.interval_broken[slot(style, precision)] = true;
  }
  return fmt.get();
}

std::string iso(const CalendarDate& d) {
  char buffer[32];
  if (d.month == 0)
    std::snprintf(buffer, sizeof buffer, "%04d", d.year);
  else if (d.day == 0)
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

std::string format_calendar(const CalendarDate& d, const DateLocale& locale, DateStyle style) {
  Formatters& f = formatters(locale);
  icu::SimpleDateFormat* fmt = single_format(f, locale, style, precision_of(d));
  if (fmt == nullptr)
    return iso(d);
  set_calendar(*f.from, d);
  icu::UnicodeString out;
  icu::FieldPosition position;
  fmt->format(*f.from, out, position);
  return to_utf8(out);
}

// CLDR interval format of two dates of the same precision, or nullopt.
std::optional<std::string> format_interval(Formatters& f, const CalendarDate& a,
                                           const CalendarDate& b, DateStyle style) {
  icu::DateIntervalFormat* fmt = interval_format(f, style, precision_of(a));
  if (fmt == nullptr)
    return std::nullopt;
  set_calendar(*f.from, a);
  set_calendar(*f.to, b);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  icu::FieldPosition position;
  fmt->format(*f.from, *f.to, out, position, status);
  if (U_FAILURE(status))
    return std::nullopt;
  return to_utf8(out);
}

// The separator CLDR puts between two dates whose years differ, found by
// formatting such an interval and removing the two dates formatted alone.
std::optional<std::string> separator_from_interval(Formatters& f, const DateLocale& plain,
                                                   DateStyle style, int precision) {
  const CalendarDate a{2001, precision >= 1 ? 1 : 0, precision >= 2 ? 1 : 0};
  const CalendarDate b{2003, a.month, a.day};
  const std::optional<std::string> both = format_interval(f, a, b, style);
  if (!both)
    return std::nullopt;
  const std::string first = format_calendar(a, plain, style);
  const std::string last = format_calendar(b, plain, style);
  if (both->size() <= first.size() + last.size() || both->compare(0, first.size(), first) != 0 ||
      both->compare(both->size() - last.size(), last.size(), last) != 0)
    return std::nullopt;
  return both->substr(first.size(), both->size() - first.size() - last.size());
}

std::string fallback_separator(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateIntervalInfo info(locale, status);
  if (U_FAILURE(status))
    return " – ";
  icu::UnicodeString pattern;
  info.getFallbackIntervalPattern(pattern);
  const std::string p = to_utf8(pattern);
  const std::size_t a = p.find("{0}");
  const std::size_t b = p.find("{1}");
  if (a == std::string::npos || b == std::string::npos || b < a + 3)
    return " – ";
  return p.substr(a + 3, b - a - 3);
}

bool ends_with_space(std::string_view s) { return !s.empty() && (s.back() == ' '); }

} // namespace

// ------------------------------------------------------------- languages

namespace {

std::string resolve_language_uncached(std::string_view language) {
  const std::string lower = ascii_lower(trim(language));
  if (lower.empty())
    return {};
  for (const LanguageName& entry : kLanguageNames)
    if (entry.name == lower)
      return std::string(entry.tag);
  std::string tag(trim(language));
  std::replace(tag.begin(), tag.end(), '_', '-');
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status) || locale.isBogus() || *locale.getLanguage() == '\0')
    return {};
  // A language ICU does not know has no ISO 639-2 code.
  if (*locale.getISO3Language() == '\0')
    return {};
  status = U_ZERO_ERROR;
  std::string out = locale.toLanguageTag<std::string>(status);
  return U_FAILURE(status) ? std::string{} : out;
}

} // namespace

std::string resolve_language(std::string_view language) {
  // Called for every date and name (~200 times per CV at ~15k instructions
  // through ICU each); a document uses one or two languages.
  thread_local std::unordered_map<std::string, std::string> memo;
  const std::string key(language);
  if (auto it = memo.find(key); it != memo.end())
    return it->second;
  std::string out = resolve_language_uncached(language);
  if (memo.size() >= 64)
    memo.clear();
  memo.emplace(key, out);
  return out;
}

bool is_known_language(std::string_view language) { return !resolve_language(language).empty(); }

std::optional<std::string> suggest_language(std::string_view language) {
  const std::string lower = ascii_lower(trim(language));
  if (lower.empty())
    return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(1, lower.size() / 3) + 1;
  for (const LanguageName& entry : kLanguageNames) {
    for (std::string_view candidate : {entry.name, entry.tag}) {
      const std::size_t d = edit_distance(lower, ascii_lower(candidate));
      if (d < best_distance) {
        best_distance = d;
        best = std::string(candidate);
      }
    }
  }
  return best;
}

bool is_rtl(std::string_view tag) {
  const std::string resolved = resolve_language(tag);
  if (resolved.empty())
    return false;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(resolved, status);
  return U_SUCCESS(status) && locale.isRightToLeft();
}

// ------------------------------------------------------------ DateLocale

DateLocale::DateLocale(std::string_view language) : tag_(resolve_language(language)) {
  if (tag_.empty())
    tag_ = "en";
  make_key();
}

DateLocale::DateLocale(const cvpress::Locale& locale) : DateLocale(locale.language) {
  present_ = locale.present;
  to_ = locale.to;
  if (locale.month_names.size() == 12)
    month_names_ = locale.month_names;
  if (locale.month_abbreviations.size() == 12)
    month_abbreviations_ = locale.month_abbreviations;
  make_key();
}

void DateLocale::make_key() {
  key_ = tag_;
  for (const auto* list : {&month_names_, &month_abbreviations_}) {
    key_ += '\x1e';
    for (const std::string& name : *list) {
      key_ += name;
      key_ += '\x1f';
    }
  }
}

// ------------------------------------------------------------------ dates

std::string present_word(const DateLocale& locale) {
  if (locale.present())
    return *locale.present();
  return std::string(translate(Word::present, locale.tag()));
}

std::string format_date(const DatePoint& date, const DateLocale& locale, DateStyle style) {
  if (const auto* d = std::get_if<CalendarDate>(&date))
    return format_calendar(*d, locale, style);
  if (std::holds_alternative<Present>(date))
    return present_word(locale);
  return std::get<FreeTextDate>(date).text;
}

std::string format_date(const DatePoint& date, std::string_view language, DateStyle style) {
  return format_date(date, DateLocale(language), style);
}

std::string range_separator(const DateLocale& locale, int precision, DateStyle style) {
  if (locale.to()) {
    const std::string& to = *locale.to();
    if (to.empty())
      return " ";
    const bool spaced = to.front() == ' ' || ends_with_space(to);
    return spaced ? to : " " + to + " ";
  }
  precision = std::clamp(precision, 0, kPrecisions - 1);
  // CLDR months: the separator never depends on month overrides.
  std::optional<DateLocale> without_overrides;
  if (locale.overrides_months())
    without_overrides.emplace(locale.tag());
  const DateLocale& plain = without_overrides ? *without_overrides : locale;
  Formatters& f = formatters(plain);
  std::optional<std::string>& cached = f.separator[slot(style, precision)];
  if (!cached) {
    std::optional<std::string> sep = separator_from_interval(f, plain, style, precision);
    if (!sep && precision != 1)
      sep = separator_from_interval(f, plain, style, 1);
    cached = sep ? *sep : fallback_separator(f.locale);
  }
  return *cached;
}

std::string format_date_range(const DatePoint& start, const std::optional<DatePoint>& end,
                              const DateLocale& locale, DateStyle style) {
  const auto* a = std::get_if<CalendarDate>(&start);
  const bool open = !end || std::holds_alternative<Present>(*end);
  const CalendarDate* b = open ? nullptr : std::get_if<CalendarDate>(&*end);

  if (a && b && precision_of(*a) == precision_of(*b) && !locale.overrides_months() &&
      !locale.to()) {
    if (auto out = format_interval(formatters(locale), *a, *b, style))
      return *out;
  }
  const int precision = a ? precision_of(*a) : (b ? precision_of(*b) : 1);
  const std::string separator = range_separator(locale, precision, style);
  std::string out = format_date(start, locale, style);
  if (open) {
    const std::string present = present_word(locale);
    const std::string bare = trim(separator);
    // zh: "2024年8月" + "至" + "至今" would double the 至.
    if (!bare.empty() && present.compare(0, bare.size(), bare) == 0)
      return out + present;
    return out + separator + present;
  }
  return out + separator + format_date(*end, locale, style);
}

std::string format_dates(const Dates& dates, const DateLocale& locale, DateStyle style) {
  if (dates.date)
    return format_date(*dates.date, locale, style);
  if (dates.start)
    return format_date_range(*dates.start, dates.end, locale, style);
  if (dates.end)
    return format_date(*dates.end, locale, style);
  return {};
}

// --------------------------------------------------------------- duration

Duration duration_between(const CalendarDate& start, const CalendarDate& end) {
  if (start.month == 0 || end.month == 0) {
    const int years = end.year - start.year;
    if (years < 0)
      return {};
    return {std::max(years, 1), 0};
  }
  const int months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1;
  if (months <= 0)
    return {};
  return {months / 12, months % 12};
}

std::string format_duration(const Duration& duration, const DateLocale& locale) {
  if (duration.years <= 0 && duration.months <= 0)
    return {};
  Formatters& f = formatters(locale);
  const std::uint64_t memo_key =
      (static_cast<std::uint64_t>(static_cast<std::uint32_t>(duration.years)) << 32) |
      static_cast<std::uint32_t>(duration.months);
  if (auto it = f.durations.find(memo_key); it != f.durations.end())
    return it->second;
  UErrorCode status = U_ZERO_ERROR;
  if (!f.measure) {
    f.measure = std::make_unique<icu::MeasureFormat>(f.locale, UMEASFMT_WIDTH_WIDE, status);
    if (U_FAILURE(status)) {
      f.measure.reset();
      return std::to_string(duration.years) + "y " + std::to_string(duration.months) + "m";
    }
  }
  std::vector<icu::Measure> parts;
  parts.reserve(2);
  if (duration.years > 0)
    parts.emplace_back(icu::Formattable(duration.years), icu::MeasureUnit::createYear(status),
                       status);
  if (duration.months > 0)
    parts.emplace_back(icu::Formattable(duration.months), icu::MeasureUnit::createMonth(status),
                       status);
  icu::UnicodeString out;
  icu::FieldPosition position;
  f.measure->formatMeasures(parts.data(), static_cast<int32_t>(parts.size()), out, position,
                            status);
  std::string text = to_utf8(out);
  if (U_SUCCESS(status))
    f.durations.emplace(memo_key, text);
  return text;
}

std::string format_duration(const CalendarDate& start, const CalendarDate& end,
                            const DateLocale& locale) {
  return format_duration(duration_between(start, end), locale);
}

} // namespace cvpress::detail
