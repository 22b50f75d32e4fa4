#include "text/name_match.hpp"

#include "text/names.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

namespace cvpress::detail {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Letters and digits of folded text, everything else dropped: "m.-j. kim" → "mjkim".
std::string letters_only(std::string_view folded) {
  const icu::UnicodeString u = from_utf8(folded);
  icu::UnicodeString out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (u_isalnum(c))
      out.append(c);
    i += U16_LENGTH(c);
  }
  return to_utf8(out);
}

// Splits folded text into words on whitespace.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!current.empty())
        words.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty())
    words.push_back(std::move(current));
  return words;
}

// Given-name parts split at spaces, hyphens and periods: "m.-j." → {m, j}.
std::vector<std::string> given_parts(std::string_view folded) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '.' || c == '\'') {
      if (!current.empty())
        parts.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty())
    parts.push_back(std::move(current));
  return parts;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from)
      out += ' ';
    out += words[i];
  }
  return out;
}

// German transliteration of umlauts: "Müller" → "Mueller".
std::string expand_umlauts(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> table = {
      {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "Ae"}, {"Ö", "Oe"}, {"Ü", "Ue"}}};
  std::string out(text);
  for (const auto& [from, to] : table)
    for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at))
      out.replace(at, from.size(), to);
  return out;
}

bool is_mark(UChar32 c) {
  switch (c) {
  case '*':
  case '_':
  case '#':
  case '^':
  case ',':
  case ';':
  case 0x2020: // †
  case 0x2021: // ‡
  case 0x00A7: // §
  case 0x00B6: // ¶
  case 0x271D: // ✝
  case 0x2709: // ✉
  case 0x00B9: // ¹
  case 0x00B2: // ²
  case 0x00B3: // ³
    return true;
  default:
    return (c >= '0' && c <= '9') || (c >= 0x2070 && c <= 0x2079) || u_isspace(c);
  }
}

} // namespace

namespace {

// True when `text` holds only ASCII and Han/Hiragana/Katakana/Hangul letters
// (no Common punctuation, no marks, no full-width forms).
bool only_ascii_and_cjk(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto len = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0)
      return false;
    if (c < 0x80)
      continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(c, &status);
    if (U_FAILURE(status) || !(sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                               sc == USCRIPT_KATAKANA || sc == USCRIPT_HANGUL))
      return false;
    if (u_charType(c) != U_OTHER_LETTER)
      return false;
  }
  return true;
}

} // namespace

std::string fold_name(std::string_view text) {
  // ASCII fast path: only case folding applies.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  // CJK fast path: Han, Kana and Hangul pass the folder unchanged and have
  // no case, so only ASCII letters change; no transliterator is built.
  if (only_ascii_and_cjk(text)) {
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  thread_local std::unique_ptr<icu::Transliterator> folder;
  if (!folder) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse{};
    // The filter keeps Han, Kana and Hangul out of NFKD (it would split
    // voiced kana: だ → た + ゛).
    folder.reset(icu::Transliterator::createInstance(
        "[[:Latin:][:Common:][:Inherited:][:Greek:][:Cyrillic:]]; NFKD; [:Mn:] Remove; NFC; "
        "Latin-ASCII",
        UTRANS_FORWARD, parse, status));
    if (U_FAILURE(status))
      folder.reset();
  }
  icu::UnicodeString u = from_utf8(text);
  if (folder)
    folder->transliterate(u);
  u.foldCase();
  return to_utf8(u);
}

std::string strip_author_marks(std::string_view author) {
  icu::UnicodeString u = from_utf8(author);
  int32_t begin = 0;
  int32_t end = u.length();
  bool changed = true;
  while (changed && begin < end) {
    changed = false;
    const UChar32 first = u.char32At(begin);
    if (u_isspace(first) || first == '*' || first == '_') {
      begin += U16_LENGTH(first);
      changed = true;
    }
    if (begin >= end)
      break;
    const int32_t last_at = u.moveIndex32(end, -1);
    const UChar32 last = u.char32At(last_at);
    if (is_mark(last)) {
      end = last_at;
      changed = true;
    }
  }
  return to_utf8(u.tempSubStringBetween(begin, std::max(begin, end)));
}

NameMatcher::NameMatcher(const PersonName& owner) {
  const auto add_exact = [this](std::string_view text) {
    const std::string key = letters_only(fold_name(strip_author_marks(text)));
    if (!key.empty())
      exact_.push_back(key);
  };
  for (const std::string& alias : owner.aliases)
    add_exact(alias);
  const std::string native = native_name(owner);
  if (!native.empty())
    add_exact(native);

  const auto add_split = [this](std::string_view text, bool both_orders) {
    const std::vector<std::string> words = words_of(text);
    if (words.size() < 2)
      return;
    add_form(words.back(), join(words, 0, words.size() - 1));
    if (both_orders)
      add_form(words.front(), join(words, 1, words.size()));
  };
  const bool has_parts = !owner.given.empty() && !owner.family.empty();
  bool has_latin = false;
  if (has_parts && is_latin_text(owner.given + owner.family)) {
    add_form(owner.family, owner.given);
    has_latin = true;
  } else if (!owner.full.empty() && is_latin_text(owner.full)) {
    add_split(owner.full, false);
    has_latin = true;
  }
  if (!owner.romanized.empty()) {
    add_split(owner.romanized, true);
    has_latin = true;
  }
  // Romanised only when the owner gives no Latin form: building ICU's
  // Han-Latin transliterator costs ~100 ms of CPU.
  if (!native.empty() && !has_latin)
    if (auto r = romanize(native))
      add_form(r->family, r->given);
}

void NameMatcher::add_form(std::string_view family, std::string_view given) {
  for (const std::string& variant : {std::string(family) + '\x1f' + std::string(given),
                                     expand_umlauts(family) + '\x1f' + expand_umlauts(given)}) {
    const std::size_t cut = variant.find('\x1f');
    Form form;
    form.family = letters_only(fold_name(variant.substr(0, cut)));
    const std::string folded_given = fold_name(variant.substr(cut + 1));
    form.given = letters_only(folded_given);
    const std::vector<std::string> words = words_of(folded_given);
    if (words.size() > 1)
      form.first_given = letters_only(words[0]);
    for (const std::string& part : given_parts(folded_given))
      form.initials.push_back(part.substr(0, 1));
    if (form.family.empty() || form.given.empty())
      continue;
    const bool duplicate = std::any_of(forms_.begin(), forms_.end(), [&](const Form& f) {
      return f.family == form.family && f.given == form.given;
    });
    if (!duplicate)
      forms_.push_back(std::move(form));
  }
}

bool NameMatcher::matches_form(const Form& form, const std::vector<std::string>& family,
                               const std::vector<std::string>& given) const {
  if (family.empty() || given.empty())
    return false;
  if (letters_only(join(family, 0, family.size())) != form.family)
    return false;
  const std::string given_text = join(given, 0, given.size());
  const std::vector<std::string> parts = given_parts(given_text);
  if (parts.empty())
    return false;
  const bool initials_only =
      std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return p.size() == 1; });
  if (initials_only) {
    if (parts == form.initials)
      return true;
    return parts.size() == 1 && !form.initials.empty() && parts[0] == form.initials[0];
  }
  const std::string key = letters_only(given_text);
  return key == form.given || (!form.first_given.empty() && key == form.first_given);
}

bool NameMatcher::matches(std::string_view author) const {
  const std::string folded = fold_name(strip_author_marks(author));
  if (folded.empty())
    return false;
  const std::string key = letters_only(folded);
  if (std::find(exact_.begin(), exact_.end(), key) != exact_.end())
    return true;

  std::string_view text = folded;
  std::size_t comma = text.find(',');
  // "Qinghao Hu, Jr." is "Qinghao Hu".
  if (comma != std::string::npos) {
    static constexpr std::array<std::string_view, 7> suffixes = {"jr", "sr",  "ii", "iii",
                                                                 "iv", "phd", "md"};
    const std::string after = letters_only(text.substr(comma + 1));
    if (std::find(suffixes.begin(), suffixes.end(), after) != suffixes.end()) {
      text = text.substr(0, comma);
      comma = std::string::npos;
    }
  }
  if (comma != std::string::npos) {
    const std::vector<std::string> family = words_of(text.substr(0, comma));
    std::string_view rest = text.substr(comma + 1);
    rest = rest.substr(0, rest.find(',')); // "Hu, Qinghao, Jr."
    const std::vector<std::string> given = words_of(rest);
    return std::any_of(forms_.begin(), forms_.end(),
                       [&](const Form& f) { return matches_form(f, family, given); });
  }
  const std::vector<std::string> words = words_of(text);
  for (std::size_t k = 1; k < words.size(); ++k) {
    const std::vector<std::string> head(words.begin(), words.begin() + static_cast<long>(k));
    const std::vector<std::string> tail(words.begin() + static_cast<long>(k), words.end());
    for (const Form& f : forms_)
      if (matches_form(f, tail, head) || matches_form(f, head, tail))
        return true;
  }
  return false;
}

} // namespace cvpress::detail
