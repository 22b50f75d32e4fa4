// Locale resolution, CLDR dates/ranges/durations (frozen ICU 72 / CLDR 42
// output, checked by hand) and the fixed-word translations.
#include "text/locale_format.hpp"
#include "text/translations.hpp"

#include <doctest/doctest.h>

#include <unicode/timezone.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

const DatePoint aug2024 = CalendarDate{2024, 8, 0};
const DatePoint year2024 = CalendarDate{2024, 0, 0};
const DatePoint aug15 = CalendarDate{2024, 8, 15};

struct DateRow {
  const char* tag;
  const char* month;     // 2024-08
  const char* day;       // 2024-08-15
  const char* wide;      // 2024-08, DateStyle::wide
  const char* range;     // 2020-08 .. 2024-06
  const char* same_year; // 2024-01 .. 2024-08
  const char* open;      // 2024-08 .. present
  const char* years;     // 2020 .. 2024
  const char* duration;  // 2022-01 .. 2024-03 (27 months)
};

// U+2009 thin space, U+202F narrow no-break space, U+00A0 no-break space
// are part of CLDR's patterns.
const DateRow kRows[] = {
    {"en", "Aug 2024", "Aug 15, 2024", "August 2024", "Aug 2020\u2009–\u2009Jun 2024",
     "Jan\u2009–\u2009Aug 2024", "Aug 2024\u2009–\u2009present", "2020\u2009–\u20092024",
     "2 years, 3 months"},
    {"en-GB", "Aug 2024", "15 Aug 2024", "August 2024", "Aug 2020\u2009–\u2009Jun 2024",
     "Jan\u2009–\u2009Aug 2024", "Aug 2024\u2009–\u2009present", "2020–2024", "2 years, 3 months"},
    {"de", "Aug. 2024", "15. Aug. 2024", "August 2024", "Aug. 2020\u2009–\u2009Juni 2024",
     "Jan.–Aug. 2024", "Aug. 2024\u2009–\u2009heute", "2020–2024", "2 Jahre, 3 Monate"},
    {"fr", "août 2024", "15 août 2024", "août 2024", "août 2020\u2009–\u2009juin 2024",
     "janv.–août 2024", "août 2024\u2009–\u2009aujourd’hui", "2020–2024", "2 ans et 3\u00a0mois"},
    {"es", "ago 2024", "15 ago 2024", "agosto de 2024", "ago 2020\u2009–\u2009jun 2024",
     "ene–ago 2024", "ago 2024\u2009–\u2009actualidad", "2020–2024", "2 años y 3 meses"},
    {"ru", "авг. 2024\u202fг.", "15 авг. 2024\u202fг.", "август 2024\u202fг.",
     "авг. 2020\u202fг. – июнь 2024\u202fг.", "янв. – авг. 2024\u202fг.",
     "авг. 2024\u202fг. – настоящее время", "2020–2024", "2 года 3 месяца"},
    {"zh", "2024年8月", "2024年8月15日", "2024年8月", "2020年8月至2024年6月", "2024年1月至8月",
     "2024年8月至今", "2020–2024年", "2年3个月"},
    {"zh-TW", "2024年8月", "2024年8月15日", "2024年8月", "2020年8月至2024年6月", "2024年1月至8月",
     "2024年8月至今", "2020至2024", "2 年 3 個月"},
    {"ja", "2024年8月", "2024年8月15日", "2024年8月", "2020年8月～2024年6月", "2024年1月～8月",
     "2024年8月～現在", "2020年～2024年", "2 年 3 か月"},
    {"ko", "2024년 8월", "2024년 8월 15일", "2024년 8월", "2020년 8월 ~ 2024년 6월",
     "2024년 1월~8월", "2024년 8월 ~ 현재", "2020년 ~ 2024년", "2년 3개월"},
    {"ar", "أغسطس ٢٠٢٤", "١٥ أغسطس ٢٠٢٤", "أغسطس ٢٠٢٤", "أغسطس، ٢٠٢٠ – يونيو، ٢٠٢٤",
     "يناير – أغسطس، ٢٠٢٤", "أغسطس ٢٠٢٤ – الآن", "٢٠٢٠–٢٠٢٤", "سنتان و٣ أشهر"},
    {"vi", "thg 8 2024", "15 thg 8, 2024", "tháng 8 năm 2024",
     "Tháng 8 năm 2020 - Tháng 6 năm 2024", "Tháng 1 - Tháng 8 năm 2024",
     "thg 8 2024\u2009–\u2009nay", "2020–2024", "2 năm, 3 tháng"},
    // fa: Gregorian calendar forced (CLDR's default is Persian), Persian
    // digits; ICU's fa month interval is broken, so the parts are joined.
    {"fa", "اوت ۲۰۲۴", "۱۵ اوت ۲۰۲۴", "اوت ۲۰۲۴", "اوت ۲۰۲۰ تا ژوئن ۲۰۲۴",
     "ژانویه ۲۰۲۴ تا اوت ۲۰۲۴", "اوت ۲۰۲۴ تا اکنون", "۲۰۲۰ تا ۲۰۲۴", "۲ سال و ۳ ماه"},
    // he: months abbreviated with a geresh (U+05F3), Western digits.
    {"he", "אוג׳ 2024", "15 באוג׳ 2024", "אוגוסט 2024", "אוג׳ 2020 – יוני 2024", "ינו׳–אוג׳ 2024",
     "אוג׳ 2024 – היום", "2020–2024", "שנתיים, 3 חודשים"},
};

} // namespace

// ---------------------------------------------------------------- languages

TEST_CASE("locale: RenderCV language names and BCP-47 tags resolve") {
  CHECK(resolve_language("english") == "en");
  CHECK(resolve_language("mandarin_chinese") == "zh");
  CHECK(resolve_language("chinese") == "zh");
  CHECK(resolve_language("German") == "de");
  CHECK(resolve_language("norwegian_bokmål") == "nb");
  CHECK(resolve_language("norwegian_nynorsk") == "nn");
  CHECK(resolve_language("persian") == "fa");
  CHECK(resolve_language("indonesia") == "id");
  CHECK(resolve_language("vietnamese") == "vi");
  CHECK(resolve_language("en") == "en");
  CHECK(resolve_language("EN_gb") == "en-GB");
  CHECK(resolve_language("zh-hans") == "zh-Hans");
  CHECK(resolve_language("zh_TW") == "zh-TW");
  CHECK(resolve_language("iw") == "he"); // deprecated code, canonicalised by ICU
  CHECK(resolve_language(" ja ") == "ja");
  CHECK(resolve_language("fil") == "fil");
}

TEST_CASE("locale: unknown languages are reported with a suggestion") {
  CHECK(resolve_language("xx").empty());
  CHECK(resolve_language("klingon").empty());
  CHECK(resolve_language("").empty());
  CHECK_FALSE(is_known_language("germn"));
  CHECK(is_known_language("french"));
  CHECK(suggest_language("germn") == "german");
  CHECK(suggest_language("englsh") == "english");
  CHECK(suggest_language("mandarin_chines") == "mandarin_chinese");
  CHECK_FALSE(suggest_language("qqqqqqqqqq").has_value());
}

TEST_CASE("locale: right-to-left languages") {
  for (const char* tag : {"ar", "he", "fa", "ur", "arabic", "hebrew", "persian", "ar-EG"})
    CHECK_MESSAGE(is_rtl(tag), tag);
  for (const char* tag : {"en", "zh", "ja", "ru", "vi", "unknown-language-xx"})
    CHECK_FALSE_MESSAGE(is_rtl(tag), tag);
}

// -------------------------------------------------------------------- dates

TEST_CASE("dates: CLDR formats in 14 locales (frozen ICU 72 output)") {
  for (const DateRow& row : kRows) {
    CAPTURE(row.tag);
    const DateLocale locale(row.tag);
    CHECK(format_date(aug2024, locale) == row.month);
    CHECK(format_date(aug15, locale) == row.day);
    CHECK(format_date(aug2024, locale, DateStyle::wide) == row.wide);
    CHECK(format_date_range(CalendarDate{2020, 8, 0}, DatePoint{CalendarDate{2024, 6, 0}},
                            locale) == row.range);
    CHECK(format_date_range(CalendarDate{2024, 1, 0}, DatePoint{CalendarDate{2024, 8, 0}},
                            locale) == row.same_year);
    CHECK(format_date_range(aug2024, DatePoint{Present{}}, locale) == row.open);
    CHECK(format_date_range(CalendarDate{2020, 0, 0}, DatePoint{CalendarDate{2024, 0, 0}},
                            locale) == row.years);
    CHECK(format_duration(CalendarDate{2022, 1, 0}, CalendarDate{2024, 3, 0}, locale) ==
          row.duration);
  }
}

TEST_CASE("dates: Persian dates use the Gregorian calendar with Persian digits") {
  // CLDR's default calendar for fa is the Solar Hijri one (2024-08 would be
  // مرداد/شهریور ۱۴۰۳); a CV's dates are Gregorian.
  // Gregorian month names; those ending in ه take the ezafe ٔ (U+0654).
  const char* months[] = {"ژانویهٔ", "فوریهٔ", "مارس",    "آوریل", "مهٔ",     "ژوئن",
                          "ژوئیهٔ",  "اوت",   "سپتامبر", "اکتبر", "نوامبر", "دسامبر"};
  for (const char* tag : {"fa", "persian", "farsi", "fa-IR"}) {
    CAPTURE(tag);
    const DateLocale fa(tag);
    CHECK(format_date(aug2024, fa) == "اوت ۲۰۲۴");
    CHECK(format_date(year2024, fa) == "۲۰۲۴");
    CHECK(format_date(aug15, fa) == "۱۵ اوت ۲۰۲۴");
    for (int m = 1; m <= 12; ++m)
      CHECK(format_date(CalendarDate{2024, m, 0}, fa, DateStyle::wide) ==
            std::string(months[m - 1]) + " ۲۰۲۴");
  }
}

TEST_CASE("dates: year precision, present and free text") {
  const DateLocale en("english");
  CHECK(format_date(year2024, en) == "2024");
  CHECK(format_date(year2024, DateLocale("zh")) == "2024年");
  CHECK(format_date(year2024, DateLocale("ar")) == "٢٠٢٤");
  CHECK(format_date(DatePoint{Present{}}, en) == "present");
  CHECK(format_date(DatePoint{Present{}}, DateLocale("ja")) == "現在");
  CHECK(format_date(DatePoint{FreeTextDate{"Fall 2023"}}, DateLocale("de")) == "Fall 2023");
  CHECK(format_date(aug2024, "german") == "Aug. 2024");
  CHECK(format_date(CalendarDate{2024, 8, 0}, en, DateStyle::numeric) == "08/2024");
  // An open range written with end omitted, a year-only start, and free text.
  CHECK(format_date_range(CalendarDate{2020, 0, 0}, std::nullopt, en) ==
        "2020\u2009–\u2009present");
  CHECK(format_date_range(CalendarDate{2020, 0, 0}, std::nullopt, DateLocale("zh")) ==
        "2020年至今");
  CHECK(format_date_range(CalendarDate{2020, 0, 0}, DatePoint{CalendarDate{2024, 6, 0}}, en) ==
        "2020\u2009–\u2009Jun 2024");
  CHECK(format_date_range(FreeTextDate{"Fall 2023"}, DatePoint{CalendarDate{2024, 6, 0}}, en) ==
        "Fall 2023\u2009–\u2009Jun 2024");
  CHECK(format_date_range(aug2024, DatePoint{aug2024}, en) == "Aug 2024");
}

TEST_CASE("dates: format_dates picks date or range") {
  const DateLocale en("en");
  Dates single;
  single.date = aug2024;
  CHECK(format_dates(single, en) == "Aug 2024");
  Dates open;
  open.start = CalendarDate{2023, 9, 0};
  CHECK(format_dates(open, en) == "Sep 2023\u2009–\u2009present");
  Dates closed;
  closed.start = CalendarDate{2019, 9, 0};
  closed.end = CalendarDate{2023, 6, 0};
  CHECK(format_dates(closed, en) == "Sep 2019\u2009–\u2009Jun 2023");
  CHECK(format_dates(Dates{}, en).empty());
}

TEST_CASE("dates: the range separator is read from CLDR") {
  CHECK(range_separator(DateLocale("en")) == "\u2009–\u2009");
  CHECK(range_separator(DateLocale("zh")) == "至");
  CHECK(range_separator(DateLocale("ja")) == "～");
  CHECK(range_separator(DateLocale("ko")) == " ~ ");
  CHECK(range_separator(DateLocale("ru")) == " – ");
  CHECK(range_separator(DateLocale("en-GB"), 0) == "–");
}

TEST_CASE("dates: RenderCV locale overrides win") {
  Locale block;
  block.language = "english";
  block.month_abbreviations = {"Jan",  "Feb", "Mar",  "Apr", "May", "June",
                               "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
  block.month_names = {"Jan.", "Feb.", "Mar.", "Apr.", "May",  "Jun.",
                       "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."};
  block.present = "now";
  const DateLocale custom(block);
  CHECK(custom.overrides_months());
  CHECK(format_date(CalendarDate{2024, 6, 0}, custom) == "June 2024");
  CHECK(format_date(CalendarDate{2024, 9, 3}, custom) == "Sept 3, 2024");
  CHECK(format_date(CalendarDate{2024, 9, 0}, custom, DateStyle::wide) == "Sep. 2024");
  // Overridden months: no CLDR collapsing, parts joined with the CLDR separator.
  CHECK(format_date_range(CalendarDate{2023, 9, 0}, DatePoint{CalendarDate{2024, 6, 0}}, custom) ==
        "Sept 2023\u2009–\u2009June 2024");
  CHECK(format_date_range(CalendarDate{2023, 9, 0}, DatePoint{Present{}}, custom) ==
        "Sept 2023\u2009–\u2009now");
  // The plain locale is unaffected (separate cache entry).
  CHECK(format_date(CalendarDate{2024, 6, 0}, DateLocale("en")) == "Jun 2024");

  Locale to_block;
  to_block.language = "en";
  to_block.to = "to";
  CHECK(format_date_range(CalendarDate{2020, 8, 0}, DatePoint{CalendarDate{2024, 6, 0}},
                          DateLocale(to_block)) == "Aug 2020 to Jun 2024");
  to_block.to = "–";
  CHECK(format_date_range(CalendarDate{2020, 8, 0}, DatePoint{Present{}}, DateLocale(to_block)) ==
        "Aug 2020 – present");

  // Russian uses stand-alone month names (LLL/LLLL): the override applies too.
  Locale ru;
  ru.language = "russian";
  ru.month_names = {"Январь", "Февраль", "Март",     "Апрель",  "Май",    "Июнь",
                    "Июль",   "Август",  "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"};
  CHECK(format_date(aug2024, DateLocale(ru), DateStyle::wide) == "Август 2024\u202fг.");
  CHECK(format_date(aug2024, DateLocale(ru)) == "авг. 2024\u202fг.");
  // Lists that are not 12 long are ignored.
  Locale short_list;
  short_list.month_names = {"only one"};
  CHECK_FALSE(DateLocale(short_list).overrides_months());
}

TEST_CASE("dates: formatting does not depend on the time zone") {
  // Extreme zones either side of UTC, for the process and for ICU's default.
  struct Case {
    std::string zone, tag, new_year, new_years_eve;
  };
  // A fresh locale per zone, so its formatters are created under that zone.
  for (const Case& c : {Case{"Pacific/Kiritimati", "en-KI", "1 Jan 2024", "31 Dec 2023"},
                        Case{"Etc/GMT+12", "en-US", "Jan 1, 2024", "Dec 31, 2023"}}) {
    CAPTURE(c.zone);
    ::setenv("TZ", c.zone.c_str(), 1);
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(icu::UnicodeString(c.zone.c_str())));
    const DateLocale fresh(c.tag);
    CHECK(format_date(CalendarDate{2024, 1, 0}, fresh) == "Jan 2024");
    CHECK(format_date(CalendarDate{2024, 1, 1}, fresh) == c.new_year);
    CHECK(format_date(CalendarDate{2023, 12, 31}, fresh) == c.new_years_eve);
    CHECK(format_date(CalendarDate{2024, 0, 0}, fresh) == "2024");
    CHECK(format_date_range(CalendarDate{2024, 1, 0}, DatePoint{CalendarDate{2024, 12, 0}},
                            fresh) == "Jan\u2009–\u2009Dec 2024");
  }
  ::unsetenv("TZ");
  icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("Etc/UTC"));
}

TEST_CASE("dates: thread-safe and fast after the first call") {
  const DateLocale en("en");
  const DateLocale zh("zh");
  const std::string expected_en = "Aug 2020\u2009–\u2009Jun 2024";
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        if (format_date_range(CalendarDate{2020, 8, 0}, DatePoint{CalendarDate{2024, 6, 0}}, en) !=
            expected_en)
          ++failures[static_cast<std::size_t>(t)];
        if (format_date(aug2024, zh) != "2024年8月")
          ++failures[static_cast<std::size_t>(t)];
      }
    });
  for (auto& thread : threads)
    thread.join();
  CHECK(failures == std::vector<int>(4, 0));

  (void)format_date(aug2024, en); // warm
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (int i = 0; i < 2000; ++i)
    bytes += format_date(CalendarDate{2000 + i % 30, 1 + i % 12, 0}, en).size();
  const double micros =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  CHECK(bytes > 0);
  // ~2 µs measured (RelWithDebInfo); a generous bound for loaded CI machines.
  CHECK(micros / 2000 < 50.0);
}

// ---------------------------------------------------------------- durations

TEST_CASE("dates: durations count months inclusively like RenderCV") {
  CHECK(duration_between({2020, 6, 0}, {2023, 9, 0}) == Duration{3, 4}); // RenderCV's example
  CHECK(duration_between({2024, 8, 0}, {2024, 8, 0}) == Duration{0, 1});
  CHECK(duration_between({2023, 12, 0}, {2024, 1, 0}) == Duration{0, 2});
  CHECK(duration_between({2020, 1, 0}, {2020, 12, 0}) == Duration{1, 0});
  CHECK(duration_between({2020, 1, 15}, {2020, 3, 1}) == Duration{0, 3}); // days ignored
  CHECK(duration_between({2020, 0, 0}, {2021, 0, 0}) == Duration{1, 0});
  CHECK(duration_between({2020, 0, 0}, {2020, 0, 0}) == Duration{1, 0}); // at least a year
  CHECK(duration_between({2018, 0, 0}, {2024, 5, 0}) == Duration{6, 0});
  CHECK(duration_between({2024, 5, 0}, {2024, 4, 0}) == Duration{});
  const DateLocale en("en");
  CHECK(format_duration({2020, 6, 0}, {2023, 9, 0}, en) == "3 years, 4 months");
  CHECK(format_duration({2024, 8, 0}, {2024, 8, 0}, en) == "1 month");
  CHECK(format_duration({2019, 0, 0}, {2024, 0, 0}, en) == "5 years");
  CHECK(format_duration({2024, 5, 0}, {2024, 4, 0}, en).empty());
  CHECK(format_duration(Duration{1, 1}, en) == "1 year, 1 month");
}

TEST_CASE("dates: Russian plural forms of years and months") {
  const DateLocale ru("ru");
  CHECK(format_duration(Duration{1, 0}, ru) == "1 год");
  CHECK(format_duration(Duration{2, 0}, ru) == "2 года");
  CHECK(format_duration(Duration{5, 0}, ru) == "5 лет");
  CHECK(format_duration(Duration{11, 0}, ru) == "11 лет");
  CHECK(format_duration(Duration{21, 0}, ru) == "21 год");
  CHECK(format_duration(Duration{22, 0}, ru) == "22 года");
  CHECK(format_duration(Duration{25, 0}, ru) == "25 лет");
  CHECK(format_duration(Duration{2, 3}, ru) == "2 года 3 месяца");
  CHECK(format_duration(Duration{5, 5}, ru) == "5 лет 5 месяцев");
  CHECK(format_duration(Duration{0, 1}, ru) == "1 месяц");
  CHECK(format_duration(Duration{1, 0}, DateLocale("de")) == "1 Jahr");
  CHECK(format_duration(Duration{0, 1}, DateLocale("ar")) == "شهر");
  CHECK(format_duration(Duration{5, 0}, DateLocale("ja")) == "5 年");
}

// ------------------------------------------------------------- fixed words

TEST_CASE("translations: fixed words per language, English otherwise") {
  CHECK(translate(Word::present, "en") == "present");
  CHECK(translate(Word::present, "zh-Hans") == "至今");
  CHECK(translate(Word::present, "de-AT") == "heute");
  CHECK(translate(Word::present, "ru") == "настоящее время");
  CHECK(translate(Word::present, "it") == "present"); // no table: English
  CHECK(translate(Word::corresponding_author, "zh") == "通讯作者");
  CHECK(translate(Word::co_first_author, "ko") == "공동 제1저자");
  CHECK(translate(Word::to, "de") == "bis");
  CHECK(translate(Word::present, "he") == "היום");
  CHECK(translate(Word::present, "fa-IR") == "اکنون");
  CHECK(translate(Word::corresponding_author, "he") == "מחבר מכותב");
  CHECK(translate(Word::corresponding_author, "fa") == "نویسنده مسئول");
  CHECK(translate(Word::to, "fa") == "تا");
  CHECK(has_translations("vi"));
  CHECK(has_translations("he"));
  CHECK(has_translations("fa"));
  CHECK_FALSE(has_translations("pt"));
  CHECK(format_page_of("en", 2, 5) == "Page 2 of 5");
  CHECK(format_page_of("zh", 2, 5) == "第 2 页，共 5 页");
  CHECK(format_page_of("de", 1, 3) == "Seite 1 von 3");
  CHECK(format_page_of("he", 1, 3) == "עמוד 1 מתוך 3");
  CHECK(format_page_of("fa", 1, 3) == "صفحه 1 از 3");
  CHECK(language_subtag("zh_Hant_TW") == "zh");
}

TEST_CASE("translations: section titles derived from common keys are translated") {
  CHECK(section_display_title("education", "Education", "zh") == "教育经历");
  CHECK(section_display_title("publications", "Publications", "de-AT") ==
        *default_section_title("publications", "de"));
  // English, languages without a table, user-written keys and other keys stay.
  CHECK(section_display_title("education", "Education", "en-GB") == "Education");
  CHECK(section_display_title("education", "Education", "pt") == "Education");
  CHECK(section_display_title("Education", "Education", "zh") == "Education");
  CHECK(section_display_title("hobbies", "Hobbies", "zh") == "Hobbies");
}

TEST_CASE("translations: the footer's page phrase follows the CV language") {
  CHECK(localize_footer("{name} – page {page} of {pages}", "de") ==
        "{name} – Seite {page} von {pages}");
  CHECK(localize_footer("{name} – page {page} of {pages}", "he") ==
        "{name} – עמוד {page} מתוך {pages}");
  CHECK(localize_footer("{name} – page {page} of {pages}", "fa") ==
        "{name} – صفحه {page} از {pages}");
  CHECK(localize_footer("{name} – {page} of {pages}", "zh") ==
        "{name} – 第 {page} 页，共 {pages} 页");
  CHECK(localize_footer("{name} – page {page} of {pages}", "en") ==
        "{name} – page {page} of {pages}");
  CHECK(localize_footer("{name} – page {page} of {pages}", "pt") ==
        "{name} – page {page} of {pages}");
  CHECK(localize_footer("{name} – {page}/{pages}", "de") == "{name} – {page}/{pages}");
}

TEST_CASE("translations: default section titles") {
  CHECK(default_section_title("education", "en") == "Education");
  CHECK(default_section_title("publications", "zh") == "发表论文");
  CHECK(default_section_title("experience", "ja") == "職歴");
  CHECK(default_section_title("skills", "fr") == "Compétences");
  CHECK(default_section_title("teaching", "es") == "Docencia");
  CHECK(default_section_title("patents", "ar") == "براءات الاختراع");
  CHECK(default_section_title("talks", "vi") == "Báo cáo khoa học");
  CHECK(default_section_title("education", "he") == "השכלה");
  CHECK(default_section_title("experience", "he-IL") == "ניסיון מקצועי");
  CHECK(default_section_title("education", "fa") == "تحصیلات");
  CHECK(default_section_title("skills", "fa") == "مهارت\u200cها"); // with a zero-width non-joiner
  CHECK(default_section_title("awards", "pt") == "Awards");
  CHECK_FALSE(default_section_title("hobbies", "en").has_value());
  // Every key has a title in every language.
  for (const char* key : {"education", "experience", "publications", "projects", "skills", "awards",
                          "talks", "service", "teaching", "patents"})
    for (const char* tag :
         {"en", "zh", "ja", "ko", "de", "fr", "es", "ru", "ar", "vi", "he", "fa"}) {
      const auto title = default_section_title(key, tag);
      REQUIRE(title.has_value());
      CHECK_FALSE(title->empty());
    }
}
