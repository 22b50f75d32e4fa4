#pragma once
// Locale resolution and CLDR (ICU) date, date-range and duration formatting.
//
// Thread safety: every function may be called from any thread. ICU formatters
// are created on first use per thread and per DateLocale::key() and cached in
// thread-local storage, so formatting never takes a lock; after the first call
// a date formats in a few microseconds.
//
// All dates are proleptic Gregorian and formatted in UTC with the Gregorian
// calendar forced (calendar=gregorian), so neither the process time zone nor
// a locale's default calendar (fa: Persian, th: Buddhist) can shift a date.
#include <cvpress/model.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

// ------------------------------------------------------------- languages

/// Canonical BCP-47 tag for a RenderCV language name ("english",
/// "mandarin_chinese", "norwegian_bokmål", ...) or a BCP-47 tag in any case,
/// with '-' or '_' ("en", "en_gb", "zh-Hans", "zh-TW", "iw"). Returns "" when
/// the language is unknown (not a RenderCV name and not an ISO 639 language).
[[nodiscard]] std::string resolve_language(std::string_view language);

/// True when resolve_language() accepts `language`.
[[nodiscard]] bool is_known_language(std::string_view language);

/// The closest RenderCV language name or common tag to an unknown
/// `language`, for "did you mean ...?" messages; nullopt when nothing is close.
[[nodiscard]] std::optional<std::string> suggest_language(std::string_view language);

/// True for right-to-left languages/scripts (ar, he, fa, ur, ...), per ICU's
/// likely script for the tag. Accepts anything resolve_language() accepts.
[[nodiscard]] bool is_rtl(std::string_view tag);

// ------------------------------------------------------------------ dates

/// How month names are written.
enum class DateStyle {
  abbreviated, ///< skeletons yMMM / yMMMd: "Aug 2024", "Aug 15, 2024" (RenderCV's default)
  wide,        ///< skeletons yMMMM / yMMMMd: "August 2024"
  numeric,     ///< skeletons yMM / yMMdd: "08/2024"
};

/// The locale used to format dates: a resolved tag plus the RenderCV
/// overrides of a `locale:` block. Cheap to copy; build once per document.
class DateLocale {
public:
  /// Resolves `language` (RenderCV name or tag); unknown languages fall back to "en".
  explicit DateLocale(std::string_view language = "en");
  /// Takes the language and the overrides (present, to, month_names,
  /// month_abbreviations; lists other than 12 items are ignored) of a
  /// `locale:` block.
  explicit DateLocale(const cvpress::Locale& locale);

  /// The canonical BCP-47 tag, e.g. "zh", "en-GB".
  [[nodiscard]] const std::string& tag() const { return tag_; }
  /// `locale.present`, when given.
  [[nodiscard]] const std::optional<std::string>& present() const { return present_; }
  /// `locale.to`, when given.
  [[nodiscard]] const std::optional<std::string>& to() const { return to_; }
  /// 12 wide month names, or empty for CLDR's.
  [[nodiscard]] const std::vector<std::string>& month_names() const { return month_names_; }
  /// 12 abbreviated month names, or empty for CLDR's.
  [[nodiscard]] const std::vector<std::string>& month_abbreviations() const {
    return month_abbreviations_;
  }
  /// True when month names are overridden (then ranges are not collapsed by
  /// CLDR interval formats but written as "start SEP end").
  [[nodiscard]] bool overrides_months() const {
    return !month_names_.empty() || !month_abbreviations_.empty();
  }
  /// Cache key: the tag plus the month overrides.
  [[nodiscard]] const std::string& key() const { return key_; }

private:
  void make_key();
  std::string tag_;
  std::optional<std::string> present_;
  std::optional<std::string> to_;
  std::vector<std::string> month_names_;
  std::vector<std::string> month_abbreviations_;
  std::string key_;
};

/// Formats one date: CalendarDate by precision with the skeleton of `style`
/// (year → "y", month → yMMM, day → yMMMd): en "Aug 2024", de "Aug. 2024",
/// zh "2024年8月", ar with Arabic-Indic digits; Present → the present word
/// (locale.present, else translate(Word::present)); FreeTextDate → verbatim.
[[nodiscard]] std::string format_date(const DatePoint& date, const DateLocale& locale,
                                      DateStyle style = DateStyle::abbreviated);

/// Shorthand taking a language name or tag (no overrides).
[[nodiscard]] std::string format_date(const DatePoint& date, std::string_view language,
                                      DateStyle style = DateStyle::abbreviated);

/// Formats a range. Two calendar dates of the same precision without
/// overrides use CLDR's interval format ("Aug 2020 – Jun 2024",
/// "Jan – Aug 2024", "2020年8月至2024年6月"). Otherwise (open end, mixed
/// precision, free text, month or `to` overrides) the parts are formatted
/// alone and joined with range_separator(); an open end (`end` empty or
/// Present) shows the present word: "Aug 2024 – present", "2024年8月至今"
/// (a present word that starts with the separator is not doubled).
[[nodiscard]] std::string format_date_range(const DatePoint& start,
                                            const std::optional<DatePoint>& end,
                                            const DateLocale& locale,
                                            DateStyle style = DateStyle::abbreviated);

/// The dates of an entry: `date` if set, else the start/end range, else "".
[[nodiscard]] std::string format_dates(const Dates& dates, const DateLocale& locale,
                                       DateStyle style = DateStyle::abbreviated);

/// The separator between two dates of a range of the given precision
/// (0 year, 1 month, 2 day) with spaces included: `locale.to` wrapped in
/// spaces (unless it has its own), else read from the locale's CLDR interval
/// pattern (en " – " with thin spaces U+2009, zh "至", ja "～", ko " ~ ").
[[nodiscard]] std::string range_separator(const DateLocale& locale, int precision = 1,
                                          DateStyle style = DateStyle::abbreviated);

/// The word for an open end: `locale.present` or the translated default.
[[nodiscard]] std::string present_word(const DateLocale& locale);

/// A span of whole years and months.
struct Duration {
  int years = 0;  ///< whole years
  int months = 0; ///< 0-11
  friend bool operator==(const Duration&, const Duration&) = default;
};

/// The span from `start` to `end`, counted like RenderCV: months inclusive
/// (2020-06 .. 2023-09 is 40 months: 3 years 4 months; a single month is 1
/// month), days ignored; when either side has only a year, whole years
/// end.year - start.year, at least 1. An end before the start gives {0, 0}.
[[nodiscard]] Duration duration_between(const CalendarDate& start, const CalendarDate& end);

/// The span as CLDR words with plural rules (ICU MeasureFormat, wide units):
/// en "2 years, 3 months", ru "2 года 3 месяца", "5 лет", de "2 Jahre, 3 Monate";
/// zero parts are left out. "" when the span is {0, 0}. `end` is the end date,
/// or today (settings.current_date) for an open range.
[[nodiscard]] std::string format_duration(const CalendarDate& start, const CalendarDate& end,
                                          const DateLocale& locale);

/// Formats a Duration directly (see format_duration).
[[nodiscard]] std::string format_duration(const Duration& duration, const DateLocale& locale);

} // namespace cvpress::detail
