#pragma once
// The shape of an entry for the flowing text formats (HTML, Markdown): its
// rows from the Presenter flattened into one list, whatever the entry type,
// so those writers need no per-type code. The PDF layout and the LaTeX
// writer place the same rows themselves.
#include "present/present.hpp"

#include <cvpress/model.hpp>

#include <string>
#include <vector>

namespace cvpress::detail {

/// How an entry is written in a flowing format.
enum class OutlineKind {
  block,    ///< a heading (rows[0]), further rows, date lines, summary, highlights
  one_line, ///< one row "label: details"
  item,     ///< an item of a bulleted or numbered list (`text`)
  text,     ///< a paragraph (`text`)
};

/// One entry, flattened.
struct EntryOutline {
  OutlineKind kind = OutlineKind::block;         ///< how it is written
  std::string label;                             ///< "[J1]", "3."; "" for none
  std::vector<Row> rows;                         ///< block: heading first; one_line: the row
  std::vector<std::string> aside;                ///< date-column lines, empty ones left out
  const RichText* text = nullptr;                ///< item and text kinds: the text
  const RichText* summary = nullptr;             ///< the summary; null for none
  const std::vector<Highlight>* highlights = {}; ///< the highlights; null for none
};

/// The outline of `view` (an entry of a section presented by `presenter`).
[[nodiscard]] EntryOutline outline_entry(const Presenter& presenter, const EntryView& view);

/// The section's list kind: "ul" for bullets, "ol" for (reversed) numbered
/// items, "" for anything else.
[[nodiscard]] std::string list_kind(const Section& section);

/// True when the section's items are numbered downwards.
[[nodiscard]] bool reversed_list(const Section& section);

} // namespace cvpress::detail
