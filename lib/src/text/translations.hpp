#pragma once
// Fixed words and default section titles in the languages cvpress ships
// translations for (en, zh, ja, ko, de, fr, es, ru, ar, vi, he, fa); English
// otherwise.
#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// A fixed, user-visible word or phrase that a backend prints.
enum class Word {
  present,              ///< open end of a date range: "present"
  page_of,              ///< footer template: "Page {page} of {pages}"
  co_first_author,      ///< note for the `*` mark: "co-first author"
  corresponding_author, ///< note for the `†` mark: "corresponding author"
  to,                   ///< a spelled-out range word: "to" (as in "2020 to 2024")
  last_updated,         ///< "Last updated in" (RenderCV's `last_updated`)
};

/// The translation of `word` for a BCP-47 tag (only the language subtag is
/// used: "zh-Hant-TW" → "zh"); English for languages without a table.
/// The view points to static storage. Thread-safe.
[[nodiscard]] std::string_view translate(Word word, std::string_view locale_tag);

/// True when cvpress has its own translations for the tag's language.
[[nodiscard]] bool has_translations(std::string_view locale_tag);

/// The default title of a common section key (education, experience,
/// publications, projects, skills, awards, talks, service, teaching,
/// patents) in the tag's language, or nullopt for other keys. English for
/// languages without a table. Thread-safe.
[[nodiscard]] std::optional<std::string> default_section_title(std::string_view key,
                                                               std::string_view locale_tag);

/// Replaces `{page}` and `{pages}` in a Word::page_of template.
[[nodiscard]] std::string format_page_of(std::string_view locale_tag, int page, int pages);

/// The title a backend shows for a section: default_section_title(key, tag)
/// when the CV is not English, the key is a common one written in lower case
/// (so `title` was derived from it, not written by the user) and a
/// translation exists; `title` otherwise.
[[nodiscard]] std::string section_display_title(std::string_view key, std::string_view title,
                                                std::string_view locale_tag);

/// A footer template for the CV's language: in a non-English CV the English
/// page phrase ("page {page} of {pages}", any case, or "{page} of {pages}")
/// becomes the Word::page_of template. Other text is kept.
[[nodiscard]] std::string localize_footer(std::string_view footer, std::string_view locale_tag);

/// The language subtag of a BCP-47 tag, lower-cased: "en-GB" → "en", "zh_Hant" → "zh".
[[nodiscard]] std::string language_subtag(std::string_view tag);

} // namespace cvpress::detail
