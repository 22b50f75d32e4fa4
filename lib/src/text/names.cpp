#include "text/names.hpp"

#include "text/locale_format.hpp"
#include "text/translations.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cvpress::detail {

namespace {

// ---------------------------------------------------------------- helpers

// Calls fn(code point, byte offset, byte length) for each code point; invalid
// bytes come as U+FFFD.
template <typename Fn> void for_each_code_point(std::string_view text, Fn&& fn) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    fn(c < 0 ? 0xFFFD : c, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
}

bool is_name_space(UChar32 c) {
  return c == ' ' || c == '\t' || c == 0x3000 /* ideographic */ || c == 0x30FB /* ・ */ ||
         c == 0x00B7 /* · */ || c == 0x00A0;
}

// Splits on spaces (and the Japanese/Chinese name dots ・ ·).
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words(1);
  for_each_code_point(text, [&](UChar32 c, std::size_t at, std::size_t n) {
    if (is_name_space(c)) {
      if (!words.back().empty())
        words.emplace_back();
    } else {
      words.back().append(text.substr(at, n));
    }
  });
  if (words.back().empty())
    words.pop_back();
  return words;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::string_view sep) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (i > from)
      out += sep;
    out += words[i];
  }
  return out;
}

std::string trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos)
    return {};
  const std::size_t end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

std::vector<std::string> code_points(std::string_view text) {
  std::vector<std::string> out;
  for_each_code_point(
      text, [&](UChar32, std::size_t at, std::size_t n) { out.emplace_back(text.substr(at, n)); });
  return out;
}

struct Scripts {
  bool han = false, kana = false, hangul = false, latin = false, other = false;
  UScriptCode first = USCRIPT_INVALID_CODE; // script of the first letter
};

Scripts scripts_of(std::string_view text) {
  Scripts s;
  for_each_code_point(text, [&](UChar32 c, std::size_t, std::size_t) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) {
      if (c == 0x30FC) // ー, the Katakana long-vowel mark, is Common
        s.kana = true;
      return;
    }
    if (s.first == USCRIPT_INVALID_CODE)
      s.first = script;
    switch (script) {
    case USCRIPT_HAN:
      s.han = true;
      break;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      s.kana = true;
      break;
    case USCRIPT_HANGUL:
      s.hangul = true;
      break;
    case USCRIPT_LATIN:
      s.latin = true;
      break;
    default:
      s.other = true;
    }
  });
  return s;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Runs an ICU transliterator (cached per thread and id).
std::string transliterate(const char* id, std::string_view text) {
  // Both transforms we use (to Latin, then ASCII) leave ASCII as it is;
  // building one costs milliseconds, so pure ASCII never builds it.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return std::string(text);
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  auto& t = cache[id];
  if (!t) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse{};
    t.reset(
        icu::Transliterator::createInstance(icu::UnicodeString(id), UTRANS_FORWARD, parse, status));
    if (U_FAILURE(status))
      t.reset();
  }
  if (!t)
    return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  t->transliterate(u);
  return to_utf8(u);
}

bool is_ascii_letters(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return false;
  return true;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string capitalize(std::string s) {
  s = lower_ascii(std::move(s));
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Lower-case ASCII letters of a transliteration, without spaces or apostrophes.
std::optional<std::string> ascii_syllables(std::string_view latin) {
  std::string out;
  for (char c : latin) {
    if (c == ' ' || c == '\'' || c == '-')
      continue;
    out += c;
  }
  out = lower_ascii(std::move(out));
  if (!is_ascii_letters(out))
    return std::nullopt;
  return out;
}

// ---------------------------------------------------------------- Chinese

struct Reading {
  std::string_view han;
  std::string_view latin;
};

// Two-character surnames (simplified and traditional forms).
constexpr std::array<Reading, 60> kChineseCompoundSurnames = {{
    {"欧阳", "Ouyang"},   {"歐陽", "Ouyang"},   {"司马", "Sima"},      {"司馬", "Sima"},
    {"诸葛", "Zhuge"},    {"諸葛", "Zhuge"},    {"上官", "Shangguan"}, {"东方", "Dongfang"},
    {"東方", "Dongfang"}, {"皇甫", "Huangfu"},  {"令狐", "Linghu"},    {"慕容", "Murong"},
    {"司徒", "Situ"},     {"尉迟", "Yuchi"},    {"尉遲", "Yuchi"},     {"长孙", "Zhangsun"},
    {"長孫", "Zhangsun"}, {"宇文", "Yuwen"},    {"夏侯", "Xiahou"},    {"公孙", "Gongsun"},
    {"公孫", "Gongsun"},  {"轩辕", "Xuanyuan"}, {"軒轅", "Xuanyuan"},  {"端木", "Duanmu"},
    {"独孤", "Dugu"},     {"獨孤", "Dugu"},     {"南宫", "Nangong"},   {"南宮", "Nangong"},
    {"西门", "Ximen"},    {"西門", "Ximen"},    {"澹台", "Tantai"},    {"呼延", "Huyan"},
    {"万俟", "Moqi"},     {"萬俟", "Moqi"},     {"闻人", "Wenren"},    {"聞人", "Wenren"},
    {"申屠", "Shentu"},   {"太史", "Taishi"},   {"拓跋", "Tuoba"},     {"单于", "Chanyu"},
    {"單于", "Chanyu"},   {"司空", "Sikong"},   {"钟离", "Zhongli"},   {"鍾離", "Zhongli"},
    {"赫连", "Helian"},   {"赫連", "Helian"},   {"百里", "Baili"},     {"东郭", "Dongguo"},
    {"東郭", "Dongguo"},  {"公冶", "Gongye"},   {"濮阳", "Puyang"},    {"濮陽", "Puyang"},
    {"淳于", "Chunyu"},   {"仲孙", "Zhongsun"}, {"仲孫", "Zhongsun"},  {"梁丘", "Liangqiu"},
    {"左丘", "Zuoqiu"},   {"第五", "Diwu"},     {"公羊", "Gongyang"},  {"谷梁", "Guliang"},
}};

// Single-character surnames whose surname reading differs from ICU's
// most common reading (曾 céng → Zeng, 单 dān → Shan, ...).
constexpr std::array<Reading, 30> kChineseSurnameReadings = {{
    {"曾", "Zeng"},  {"单", "Shan"},  {"單", "Shan"}, {"解", "Xie"},  {"查", "Zha"}, {"区", "Ou"},
    {"區", "Ou"},    {"仇", "Qiu"},   {"朴", "Piao"}, {"乐", "Yue"},  {"樂", "Yue"}, {"召", "Shao"},
    {"覃", "Qin"},   {"翟", "Zhai"},  {"缪", "Miao"}, {"繆", "Miao"}, {"盖", "Ge"},  {"蓋", "Ge"},
    {"种", "Chong"}, {"種", "Chong"}, {"秘", "Bi"},   {"员", "Yun"},  {"員", "Yun"}, {"句", "Gou"},
    {"长", "Chang"}, {"長", "Chang"}, {"乜", "Nie"},  {"过", "Guo"},  {"過", "Guo"}, {"隗", "Wei"},
}};

std::optional<std::string> pinyin(std::string_view han) {
  return ascii_syllables(transliterate("Han-Latin; Latin-ASCII", han));
}

// Family/given split of a Han name without spaces.
std::pair<std::string, std::string> split_han(std::string_view name) {
  const std::vector<std::string> chars = code_points(name);
  if (chars.size() >= 3)
    for (const Reading& r : kChineseCompoundSurnames)
      if (name.substr(0, r.han.size()) == r.han)
        return {std::string(r.han), std::string(name.substr(r.han.size()))};
  if (chars.empty())
    return {};
  return {chars[0], std::string(name.substr(chars[0].size()))};
}

std::optional<std::string> chinese_surname(std::string_view han) {
  for (const Reading& r : kChineseCompoundSurnames)
    if (r.han == han)
      return std::string(r.latin);
  for (const Reading& r : kChineseSurnameReadings)
    if (r.han == han)
      return std::string(r.latin);
  auto p = pinyin(han);
  if (!p)
    return std::nullopt;
  return capitalize(*p);
}

// ----------------------------------------------------------------- Korean

constexpr std::array<Reading, 86> kKoreanSurnames = {{
    {"김", "Kim"},      {"이", "Lee"},        {"박", "Park"},      {"최", "Choi"},
    {"정", "Jung"},     {"강", "Kang"},       {"조", "Cho"},       {"윤", "Yoon"},
    {"장", "Jang"},     {"임", "Lim"},        {"한", "Han"},       {"오", "Oh"},
    {"서", "Seo"},      {"신", "Shin"},       {"권", "Kwon"},      {"황", "Hwang"},
    {"안", "Ahn"},      {"송", "Song"},       {"류", "Ryu"},       {"유", "Yoo"},
    {"전", "Jeon"},     {"홍", "Hong"},       {"고", "Ko"},        {"문", "Moon"},
    {"양", "Yang"},     {"손", "Son"},        {"배", "Bae"},       {"백", "Baek"},
    {"허", "Heo"},      {"남", "Nam"},        {"심", "Shim"},      {"노", "Noh"},
    {"하", "Ha"},       {"곽", "Kwak"},       {"성", "Sung"},      {"차", "Cha"},
    {"주", "Joo"},      {"우", "Woo"},        {"구", "Koo"},       {"민", "Min"},
    {"나", "Na"},       {"진", "Jin"},        {"지", "Ji"},        {"엄", "Eom"},
    {"채", "Chae"},     {"원", "Won"},        {"천", "Cheon"},     {"방", "Bang"},
    {"공", "Kong"},     {"현", "Hyun"},       {"변", "Byun"},      {"염", "Yeom"},
    {"여", "Yeo"},      {"추", "Choo"},       {"도", "Do"},        {"석", "Seok"},
    {"설", "Seol"},     {"길", "Gil"},        {"연", "Yeon"},      {"표", "Pyo"},
    {"명", "Myung"},    {"기", "Ki"},         {"반", "Ban"},       {"왕", "Wang"},
    {"금", "Keum"},     {"옥", "Ok"},         {"육", "Yook"},      {"인", "In"},
    {"맹", "Maeng"},    {"제", "Je"},         {"모", "Mo"},        {"탁", "Tak"},
    {"국", "Kook"},     {"은", "Eun"},        {"편", "Pyun"},      {"용", "Yong"},
    {"함", "Ham"},      {"봉", "Bong"},       {"남궁", "Namgung"}, {"황보", "Hwangbo"},
    {"제갈", "Jegal"},  {"선우", "Sunwoo"},   {"독고", "Dokgo"},   {"사공", "Sagong"},
    {"서문", "Seomun"}, {"동방", "Dongbang"},
}};

// Revised Romanization of one Hangul syllable block (no sound changes across
// syllables, as in passport spellings).
std::string revised_romanization(UChar32 c) {
  static constexpr std::array<std::string_view, 19> initials = {
      "g",  "kk", "n", "d",  "tt", "r", "m", "b", "pp", "s",
      "ss", "",   "j", "jj", "ch", "k", "t", "p", "h"};
  static constexpr std::array<std::string_view, 21> vowels = {
      "a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
      "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"};
  static constexpr std::array<std::string_view, 28> finals = {
      "",  "k", "k", "k", "n", "n", "n", "t",  "l", "k", "m", "l", "l", "l",
      "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};
  if (c < 0xAC00 || c > 0xD7A3)
    return {};
  const int index = c - 0xAC00;
  const auto l = static_cast<std::size_t>(index / (21 * 28));
  const auto v = static_cast<std::size_t>((index % (21 * 28)) / 28);
  const auto t = static_cast<std::size_t>(index % 28);
  return std::string(initials[l]) + std::string(vowels[v]) + std::string(finals[t]);
}

std::optional<std::string> hangul_latin(std::string_view hangul) {
  std::string out;
  bool ok = true;
  for_each_code_point(hangul, [&](UChar32 c, std::size_t, std::size_t) {
    const std::string syllable = revised_romanization(c);
    if (syllable.empty())
      ok = false;
    out += syllable;
  });
  if (!ok || out.empty())
    return std::nullopt;
  return out;
}

std::optional<std::string> korean_surname(std::string_view hangul) {
  for (const Reading& r : kKoreanSurnames)
    if (r.han == hangul)
      return std::string(r.latin);
  auto latin = hangul_latin(hangul);
  if (!latin)
    return std::nullopt;
  return capitalize(*latin);
}

std::optional<Romanization> romanize_hangul(const std::vector<std::string>& words) {
  std::string family, given;
  if (words.size() > 1) {
    family = words[0];
    given = join(words, 1, "");
  } else {
    const std::vector<std::string> syllables = code_points(words[0]);
    std::size_t family_length = 1;
    if (syllables.size() >= 3)
      for (const Reading& r : kKoreanSurnames)
        if (code_points(r.han).size() == 2 && words[0].compare(0, r.han.size(), r.han) == 0)
          family_length = 2;
    for (std::size_t i = 0; i < syllables.size(); ++i)
      (i < family_length ? family : given) += syllables[i];
  }
  Romanization r;
  auto f = korean_surname(family);
  if (!f)
    return std::nullopt;
  r.family = *f;
  if (!given.empty()) {
    auto g = hangul_latin(given);
    if (!g)
      return std::nullopt;
    r.given = capitalize(*g);
  }
  return r;
}

// ------------------------------------------------------- sort and collate

icu::Collator* collator(std::string_view locale_tag) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::Collator>> cache;
  std::string tag = resolve_language(locale_tag);
  if (tag.empty())
    tag = "en";
  auto& c = cache[tag];
  if (!c) {
    UErrorCode status = U_ZERO_ERROR;
    c.reset(icu::Collator::createInstance(icu::Locale::forLanguageTag(tag, status), status));
    if (U_FAILURE(status))
      c.reset();
  }
  return c.get();
}

struct SortParts {
  std::string family, given, full;
};

SortParts sort_parts(const PersonName& name) {
  SortParts p;
  p.full = !name.full.empty() ? name.full : native_name(name);
  if (!name.family.empty() || !name.given.empty()) {
    p.family = name.family;
    p.given = name.given;
    return p;
  }
  const std::string text = trim(p.full);
  const std::vector<std::string> words = split_words(text);
  if (is_cjk_name(text)) {
    if (words.size() > 1) {
      p.family = words[0];
      p.given = join(words, 1, "");
    } else {
      std::tie(p.family, p.given) = split_han(text);
    }
  } else if (!words.empty()) {
    p.family = words.back();
    p.given = join(std::vector<std::string>(words.begin(), words.end() - 1), 0, " ");
  }
  return p;
}

bool native_script_of_locale(std::string_view native, std::string_view locale_tag) {
  const std::string tag = resolve_language(locale_tag);
  if (tag.empty())
    return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  locale.addLikelySubtags(status);
  if (U_FAILURE(status))
    return false;
  const std::string_view script = locale.getScript();
  const Scripts s = scripts_of(native);
  if (s.hangul)
    return script == "Kore";
  if (s.kana)
    return script == "Jpan";
  if (s.han)
    return script == "Hans" || script == "Hant" || script == "Hani" || script == "Jpan" ||
           script == "Kore";
  if (s.first == USCRIPT_INVALID_CODE)
    return false;
  return script == uscript_getShortName(s.first);
}

std::string slug(std::string_view ascii) {
  std::string out;
  bool dash = false;
  for (char c : ascii) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (dash && !out.empty())
        out += '-';
      dash = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      dash = true;
    }
  }
  return out;
}

} // namespace

// ------------------------------------------------------------------ public

bool family_name_first(std::string_view locale_tag) {
  std::string tag = resolve_language(locale_tag);
  const std::string language = language_subtag(tag.empty() ? locale_tag : tag);
  return language == "zh" || language == "ja" || language == "ko" || language == "hu" ||
         language == "vi" || language == "yue";
}

bool is_cjk_name(std::string_view text) {
  const Scripts s = scripts_of(text);
  return s.han || s.kana || s.hangul;
}

bool is_latin_text(std::string_view text) {
  const Scripts s = scripts_of(text);
  return s.latin && !s.han && !s.kana && !s.hangul && !s.other;
}

std::string latin_name(const PersonName& name, std::string_view locale_tag) {
  const std::string full = trim(name.full);
  const std::string given = trim(name.given);
  const std::string family = trim(name.family);
  if (!given.empty() && !family.empty() && is_latin_text(given + family)) {
    const std::string given_first = given + " " + family;
    const std::string family_first = family + " " + given;
    if (!full.empty() && is_latin_text(full) && full != given_first && full != family_first)
      return full; // written out on purpose
    const std::string language = language_subtag(resolve_language(locale_tag));
    return (language == "hu" || language == "vi") ? family_first : given_first;
  }
  if (!full.empty() && is_latin_text(full))
    return full;
  if (!trim(name.romanized).empty())
    return trim(name.romanized);
  if (given.empty() != family.empty() && is_latin_text(given + family))
    return given + family; // only one part given
  return {};
}

std::string native_name(const PersonName& name) {
  if (!trim(name.native).empty())
    return trim(name.native);
  const std::string full = trim(name.full);
  if (!full.empty() && !is_latin_text(full) && scripts_of(full).first != USCRIPT_INVALID_CODE)
    return full;
  const std::string given = trim(name.given);
  const std::string family = trim(name.family);
  const std::string both = given + family;
  if (both.empty() || is_latin_text(both))
    return {};
  if (is_cjk_name(both))
    return family + given;
  if (given.empty() || family.empty())
    return both;
  return given + " " + family;
}

std::string display_name(const PersonName& name, std::string_view locale_tag, NameStyle style) {
  if (name.given.empty() && name.family.empty() && name.native.empty() && name.romanized.empty())
    return name.full;
  const std::string latin = latin_name(name, locale_tag);
  const std::string native = native_name(name);
  if (native.empty())
    return latin.empty() ? name.full : latin;
  if (latin.empty() || latin == native)
    return native;
  if (style == NameStyle::automatic)
    style = native_script_of_locale(native, locale_tag) ? NameStyle::native_then_latin
                                                        : NameStyle::latin_then_native;
  switch (style) {
  case NameStyle::latin_then_native:
    return latin + " (" + native + ")";
  case NameStyle::native_then_latin:
    return native + " " + latin;
  case NameStyle::latin_only:
    return latin;
  case NameStyle::native_only:
  case NameStyle::automatic:
    break;
  }
  return native;
}

std::string Romanization::family_first() const {
  return given.empty() ? family : family + " " + given;
}

std::string Romanization::given_first() const {
  return given.empty() ? family : given + " " + family;
}

std::optional<Romanization> romanize(std::string_view native, std::string_view locale_tag) {
  const std::vector<std::string> words = split_words(native);
  if (words.empty())
    return std::nullopt;
  const Scripts s = scripts_of(native);
  if (s.latin || s.other)
    return std::nullopt;
  if (s.hangul)
    return (s.han || s.kana) ? std::nullopt : romanize_hangul(words);
  if (s.kana) {
    if (s.han)
      return std::nullopt; // kanji readings are unknown
    Romanization r;
    for (std::size_t i = 0; i < words.size(); ++i) {
      auto latin = ascii_syllables(transliterate("Any-Latin; Latin-ASCII", words[i]));
      if (!latin)
        return std::nullopt;
      if (i == 0)
        r.family = capitalize(*latin);
      else
        r.given += (r.given.empty() ? "" : " ") + capitalize(*latin);
    }
    return r;
  }
  if (!s.han)
    return std::nullopt;
  const std::string resolved = resolve_language(locale_tag);
  if (language_subtag(resolved.empty() ? locale_tag : resolved) == "ja")
    return std::nullopt; // kanji, not hanzi
  std::string family, given;
  if (words.size() > 1) {
    family = words[0];
    given = join(words, 1, "");
  } else {
    std::tie(family, given) = split_han(words[0]);
  }
  Romanization r;
  auto f = chinese_surname(family);
  if (!f)
    return std::nullopt;
  r.family = *f;
  if (!given.empty()) {
    auto g = pinyin(given);
    if (!g)
      return std::nullopt;
    r.given = capitalize(*g);
  }
  return r;
}

std::string metadata_name(const PersonName& name, std::string_view locale_tag) {
  std::string shown = display_name(name, locale_tag, NameStyle::latin_only);
  if (shown.empty() || is_latin_text(shown))
    return shown;
  std::string ascii = ascii_name(name, locale_tag);
  return ascii.empty() ? shown : ascii;
}

std::string ascii_name(const PersonName& name, std::string_view locale_tag) {
  const std::string latin = latin_name(name, locale_tag);
  if (!latin.empty())
    return transliterate("Any-Latin; Latin-ASCII", latin);
  const std::string native = native_name(name);
  if (native.empty())
    return {};
  if (auto r = romanize(native, locale_tag))
    return r->family_first();
  if (is_cjk_name(native))
    return {};
  std::string out = transliterate("Any-Latin; Latin-ASCII", native);
  for (char c : out)
    if (static_cast<unsigned char>(c) >= 0x80)
      return {};
  return out;
}

std::string ascii_file_stem(const PersonName& name, std::string_view locale_tag) {
  std::string stem = slug(ascii_name(name, locale_tag));
  return stem.empty() ? std::string("cv") : stem;
}

std::string cv_file_stem(const PersonName& name, std::string_view locale_tag) {
  std::string stem;
  for (char c : ascii_name(name, locale_tag)) {
    if (c == ' ') {
      if (!stem.empty() && stem.back() != '_')
        stem += '_';
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
      stem += c;
    }
  }
  while (!stem.empty() && stem.back() == '_')
    stem.pop_back();
  return stem.empty() ? std::string() : stem + "_CV";
}

int compare_text(std::string_view a, std::string_view b, std::string_view locale_tag) {
  if (icu::Collator* c = collator(locale_tag)) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r =
        c->compareUTF8(icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
                       icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    if (U_SUCCESS(status))
      return r;
  }
  return a < b ? -1 : (a > b ? 1 : 0);
}

int compare_names(const PersonName& a, const PersonName& b, std::string_view locale_tag) {
  const SortParts pa = sort_parts(a);
  const SortParts pb = sort_parts(b);
  for (const auto& [x, y] : {std::pair{&pa.family, &pb.family}, std::pair{&pa.given, &pb.given},
                             std::pair{&pa.full, &pb.full}})
    if (const int result = compare_text(*x, *y, locale_tag); result != 0)
      return result;
  return 0;
}

} // namespace cvpress::detail
