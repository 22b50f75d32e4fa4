#pragma once
// A bibliography record as read from BibTeX or CSL-JSON, already converted
// to cvpress markup (LaTeX accents to Unicode, Markdown specials escaped).
#include "load/tree_build.hpp"

#include <cvpress/diagnostics.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// One author of a record.
struct BibAuthor {
  std::string name;           ///< display form "First von Last, Jr" (markup)
  bool co_first = false;      ///< trailing `*` or an annotation `cofirst`
  bool corresponding = false; ///< trailing `†` or an annotation `corresponding`
  bool highlighted = false;   ///< annotation `highlight`
};

/// One publication.
struct BibRecord {
  std::string key;                  ///< citation key / CSL id
  std::string type;                 ///< BibTeX entry type, lower case (CSL types mapped)
  Origin where;                     ///< the entry in its file
  std::string title;                ///< markup
  std::vector<BibAuthor> authors;   ///< "et al." is an author named so
  std::string venue;                ///< booktitle, journal, school, ... (markup)
  std::string venue_short;          ///< shortbooktitle / shortjournal
  std::string doi, url;             ///< links
  std::string note;                 ///< `note` (markup)
  std::string status;               ///< `pubstate` (markup)
  std::string label;                ///< `shorthand` / `label`
  std::vector<std::string> awards;  ///< `award(s)`, split on ';'
  std::vector<std::string> tags;    ///< `keywords`, split on ',' or ';'
  int year = 0, month = 0, day = 0; ///< date parts (0 = unknown)
  std::string date_text;            ///< a non-numeric year, kept as free text
};

/// What a bibliography reader found.
struct BibParse {
  std::vector<BibRecord> records;   ///< in file order
  std::vector<Diagnostic> errors;   ///< located in the bibliography file
  std::vector<Diagnostic> warnings; ///< located in the bibliography file
};

/// Reads BibTeX text (btparse). `file` names the input in locations.
/// Thread-safe (btparse's global state is behind a lock); never throws for
/// bad input.
BibParse parse_bibtex(std::string_view text, const std::string& file);

/// Reads CSL-JSON text (an array of items, as Zotero and pandoc export).
BibParse parse_csl_json(std::string_view text, const std::string& file, const LoadLimits& limits);

/// LaTeX text to cvpress markup: accents and escapes become Unicode (NFC),
/// braces go, `--`/`---` become dashes, `~` a no-break space, `\emph`/
/// `\textbf` become `*`/`**`, math stays `$...$`, and Markdown's special
/// characters are escaped.
std::string latex_to_markup(std::string_view latex);

/// Plain text to cvpress markup: Markdown's special characters escaped.
std::string escape_markup(std::string_view text);

} // namespace cvpress::detail
