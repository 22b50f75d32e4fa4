// Structure nodes (see structure.hpp).
#include "layout/structure.hpp"

#include "text/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>

namespace cvpress::detail {

namespace {

// The scripts `lang` is written in (ICU: "ja" -> Kana, Hira, Hani).
std::vector<UScriptCode> scripts_of(std::string_view lang) {
  std::array<UScriptCode, 8> codes{};
  UErrorCode status = U_ZERO_ERROR;
  const std::string id(lang);
  const int n =
      uscript_getCode(id.c_str(), codes.data(), static_cast<int32_t>(codes.size()), &status);
  std::vector<UScriptCode> out;
  if (U_SUCCESS(status))
    out.assign(codes.begin(), codes.begin() + std::max(n, 0));
  if (std::find(out.begin(), out.end(), USCRIPT_HAN) != out.end()) {
    // Chinese is written in simplified or traditional Han; letters report Han.
    out.push_back(USCRIPT_HAN);
  }
  if (out.empty()) { // the likely script of the language
    char full[ULOC_FULLNAME_CAPACITY] = {};
    uloc_addLikelySubtags(id.c_str(), full, sizeof full, &status);
    char script[16] = {};
    if (U_SUCCESS(status))
      uloc_getScript(full, script, sizeof script, &status);
    if (U_SUCCESS(status) && script[0])
      if (const auto c = static_cast<UScriptCode>(u_getPropertyValueEnum(UCHAR_SCRIPT, script));
          c != USCRIPT_INVALID_CODE)
        out.push_back(c);
  }
  return out;
}

// Han in Chinese variants, Kana and Hangul documents counts as one family.
bool same_family(UScriptCode letter, const std::vector<UScriptCode>& own) {
  if (std::find(own.begin(), own.end(), letter) != own.end())
    return true;
  const auto has = [&own](UScriptCode c) {
    return std::find(own.begin(), own.end(), c) != own.end();
  };
  if (letter == USCRIPT_HAN)
    return has(USCRIPT_SIMPLIFIED_HAN) || has(USCRIPT_TRADITIONAL_HAN) || has(USCRIPT_JAPANESE) ||
           has(USCRIPT_KOREAN);
  if (letter == USCRIPT_HIRAGANA || letter == USCRIPT_KATAKANA)
    return has(USCRIPT_JAPANESE);
  if (letter == USCRIPT_HANGUL)
    return has(USCRIPT_KOREAN);
  return false;
}

std::string language_of_script(UScriptCode script) {
  const std::string tag = std::string("und-") + uscript_getShortName(script);
  char full[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode status = U_ZERO_ERROR;
  uloc_addLikelySubtags(tag.c_str(), full, sizeof full, &status);
  char lang[16] = {};
  if (U_SUCCESS(status))
    uloc_getLanguage(full, lang, sizeof lang, &status);
  if (U_FAILURE(status) || !lang[0] || std::string_view(lang) == "und")
    return {};
  return lang;
}

std::string foreign_in(std::string_view text, const std::vector<UScriptCode>& own) {
  UScriptCode found = USCRIPT_COMMON;
  bool mixed = false;
  for_each_code_point(text, [&](char32_t cp) {
    if (mixed)
      return;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (U_FAILURE(status) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED)
      return;
    if (found == USCRIPT_COMMON)
      found = s;
    else if (s != found &&
             !((s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) &&
               (found == USCRIPT_HAN || found == USCRIPT_HIRAGANA || found == USCRIPT_KATAKANA)))
      mixed = true;
    else if (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA)
      found = s; // kana make Han text Japanese
  });
  if (mixed || found == USCRIPT_COMMON)
    return {};
  if (same_family(found, own))
    return {};
  return language_of_script(found);
}

} // namespace

std::string foreign_language(std::string_view text, std::string_view document_lang) {
  return foreign_in(text, scripts_of(document_lang));
}

StructureBuilder::StructureBuilder(std::vector<StructNode>& nodes, std::string lang, bool rtl)
    : nodes_(nodes), lang_(std::move(lang)), rtl_(rtl) {
  for (UScriptCode c : scripts_of(lang_))
    own_scripts_.push_back(static_cast<int>(c));
  nodes_.clear();
  nodes_.push_back(StructNode{StructRole::document, -1, {}, {}, {}});
}

void StructureBuilder::set_actual_text(int node, std::string text) {
  nodes_.at(static_cast<std::size_t>(node)).actual_text = std::move(text);
}

int StructureBuilder::add(StructRole role, int parent, std::string alt, std::string lang) {
  nodes_.push_back(StructNode{role, parent, std::move(lang), std::move(alt), {}});
  return static_cast<int>(nodes_.size()) - 1;
}

// Splits `s` where its text changes language (a Chinese name in
// parentheses after the Latin one) into spans of one look; appends to `out`.
static void split_languages(Span& s, const std::vector<UScriptCode>& own, std::vector<Span>& out) {
  // Runs of one strong script; neutral characters stay with the run before.
  std::vector<std::pair<std::size_t, std::string>> runs; // start byte, language
  UScriptCode current = USCRIPT_COMMON;
  std::size_t at = 0;
  for_each_code_point(s.text, [&](char32_t cp) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &status);
    const std::size_t here = at;
    at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (U_FAILURE(status) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == current)
      return;
    const bool first = current == USCRIPT_COMMON;
    current = sc;
    runs.emplace_back(first ? 0 : here, std::string());
  });
  if (runs.size() < 2) {
    out.push_back(std::move(s));
    return;
  }
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::size_t end = r + 1 < runs.size() ? runs[r + 1].first : s.text.size();
    runs[r].second =
        foreign_in(std::string_view(s.text).substr(runs[r].first, end - runs[r].first), own);
  }
  std::size_t from = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const bool last = r + 1 == runs.size();
    if (!last && runs[r + 1].second == runs[r].second)
      continue; // the same language goes on
    const std::size_t end = last ? s.text.size() : runs[r + 1].first;
    out.push_back(Span{s.text.substr(from, end - from), s.style});
    from = end;
  }
}

void StructureBuilder::tag(std::vector<Span>& spans, int parent) {
  std::vector<UScriptCode> own;
  for (int c : own_scripts_)
    own.push_back(static_cast<UScriptCode>(c));
  {
    std::vector<Span> split;
    split.reserve(spans.size());
    for (Span& s : spans)
      split_languages(s, own, split);
    spans = std::move(split);
  }
  std::vector<std::string> langs;
  langs.reserve(spans.size());
  bool split = false;
  for (const Span& s : spans) {
    langs.push_back(foreign_in(s.text, own));
    split = split || !s.style.link.empty() || !langs.back().empty();
  }
  // An ornament (a header icon) goes with the text it stands before: one
  // Link, one language.
  for (std::size_t k = spans.size(); k-- > 1;)
    if (spans[k - 1].style.decorative && spans[k - 1].style.link == spans[k].style.link)
      langs[k - 1] = langs[k];
  // Right to left: the glyphs of a line are drawn in visual order, so a
  // node of a right-to-left document, or with right-to-left text, says its
  // text in logical order too.
  auto actual = [this, &spans](int node, std::size_t from, std::size_t to) {
    bool rtl = rtl_;
    std::string text;
    for (std::size_t k = from; k < to; ++k) {
      if (spans[k].style.decorative)
        continue; // drawn as an artifact, says nothing
      text += spans[k].text;
      if (!rtl)
        for_each_code_point(spans[k].text, [&rtl](char32_t cp) {
          const UCharDirection d = u_charDirection(static_cast<UChar32>(cp));
          rtl = rtl || d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
        });
    }
    if (rtl)
      nodes_[static_cast<std::size_t>(node)].actual_text += text;
  };
  if (!split) {
    for (Span& s : spans)
      s.style.node = parent;
    actual(parent, 0, spans.size());
    return;
  }
  // Runs of spans with one link and one language.
  std::size_t i = 0;
  while (i < spans.size()) {
    std::size_t j = i + 1;
    while (j < spans.size() && spans[j].style.link == spans[i].style.link && langs[j] == langs[i])
      ++j;
    int node = 0;
    if (!spans[i].style.link.empty()) {
      std::string text;
      for (std::size_t k = i; k < j; ++k)
        if (!spans[k].style.decorative)
          text += spans[k].text;
      const std::string& uri = spans[i].style.link;
      std::string alt = text;
      if (uri.find(text) == std::string::npos)
        alt += " (" + uri + ")";
      else
        alt = uri;
      node = add(StructRole::link, parent, std::move(alt), langs[i]);
    } else {
      node = add(StructRole::span, parent, {}, langs[i]);
    }
    for (std::size_t k = i; k < j; ++k)
      spans[k].style.node = node;
    actual(node, i, j);
    i = j;
  }
}

} // namespace cvpress::detail
