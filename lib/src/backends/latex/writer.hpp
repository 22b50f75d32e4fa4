#pragma once
// Turns a Cv into one self-contained XeLaTeX/LuaLaTeX document: a preamble
// generated from the Style (fonts, page, colours, and the \cv... macros),
// then a body that only calls those macros.
#include <cvpress/diagnostics.hpp>
#include <cvpress/model.hpp>

#include "layout/display_list.hpp"
#include "style/style.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail::latex {

/// A script set in its own Noto family (as the PDF layout does): the
/// fontspec `Script=` name, also the Noto family suffix ("Noto Sans
/// Devanagari"), and its Unicode block.
struct ScriptBlock {
  const char* name;
  char32_t first, last;
};

/// The scripts beyond Latin, Greek, Cyrillic, Arabic, Hebrew and CJK that
/// the preamble switches fonts for (at most 32).
std::span<const ScriptBlock> script_blocks();

/// What the text of a CV needs from the preamble.
struct Features {
  bool cjk = false;     ///< Chinese/Japanese/Korean characters: load xeCJK
  bool arabic = false;  ///< Arabic script: Arabic font + RTL support
  bool hebrew = false;  ///< Hebrew script: Hebrew font + RTL support
  bool math = false;    ///< math passed to TeX: load amsmath
  bool symbols = false; ///< pictographs and emoji (U+25A0-27BF, U+1F000-1FBFF, ...): a symbol font
  std::uint32_t scripts = 0; ///< bit i: script_blocks()[i] seen (Devanagari, Thai, ...)
  bool icons = false;        ///< header icons (\cvIcon): the Font Awesome font
  /// Input, set before typesetting: the CV is right-to-left (typeset_text()
  /// then marks directions for right-to-left paragraphs).
  bool rtl_document = false;
  /// True when right-to-left support is needed.
  [[nodiscard]] bool rtl() const { return arabic || hebrew || rtl_document; }
};

/// Escapes `text` (escape_text()) and wraps Arabic and Hebrew runs in
/// \cvArabic{...} / \cvHebrew{...} (their digits and punctuation in
/// \cvNeutral{...}, which the script fonts may lack) and pictographs in
/// \cvSymbol{...}; records the scripts seen in `features`. In a
/// right-to-left document (features.rtl_document) it also starts with
/// \cvDirR{} or \cvDirL{} (the first strong direction, which decides the
/// paragraph's direction), wraps left-to-right runs in \cvLTR{...} and the
/// neutrals between runs in \cvNeutral{...}.
std::string typeset_text(std::string_view text, Features& features);

/// Document-level strings for the preamble (plain text, not escaped).
struct DocumentMeta {
  std::string title;      ///< PDF title, e.g. "Jane Doe – CV"
  std::string author;     ///< PDF author (Latin script when possible)
  bool english = true;    ///< English CV: "PhD in Physics" (else "PhD, Physics")
  std::string tag = "en"; ///< BCP-47 language of the CV (footer words)
  std::string name{};     ///< the footer's {name}; `author` when empty
  bool rtl = false;       ///< right-to-left CV: mirrored columns, right-aligned text
};

/// The preamble, from \documentclass to the last macro definition (without
/// \begin{document}).
std::string make_preamble(const Style& style, const Features& features, const DocumentMeta& meta);

/// What the PDF layout decided, for the LaTeX document to follow: its page
/// breaks (\cvPageBreak before a heading or an entry; an entry the layout
/// splits is \cvSplittable, every other entry is kept whole) and the
/// sections it sets as lists (item spacing between their entries) and the
/// width of each section's date column (\cvDateColumn).
struct LayoutDecisions {
  std::vector<PageBreak> breaks;     ///< as LaidOutDocument::breaks
  std::vector<int> list_sections;    ///< as LaidOutDocument::list_sections
  std::vector<double> date_widths;   ///< as LaidOutDocument::date_widths
  std::vector<double> degree_widths; ///< as LaidOutDocument::degree_widths (\\cvDegreeWidth)
};

/// The whole .tex file for `cv`. Math spans that fail the whitelist are
/// typeset as text and reported in `warnings`. With `decisions`, pages
/// break where the PDF layout broke them.
std::string make_document(const Cv& cv, const Style& style, std::vector<Diagnostic>& warnings,
                          const LayoutDecisions& decisions = {});

} // namespace cvpress::detail::latex
