#pragma once
// Finding the CV owner in author lists ("Q. Hu", "Hu, Qinghao", "胡清昊", ...).
#include <cvpress/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// Folds text for name comparison: compatibility decomposition, accents
/// removed, Latin letters to ASCII (ß → ss, đ → d, ø → o, æ → ae), case
/// folded. Han, Kana and Hangul are kept as they are. "Zoë MÜLLER" → "zoe muller".
[[nodiscard]] std::string fold_name(std::string_view text);

/// An author string without decoration: surrounding whitespace, Markdown
/// bold/italic markers and trailing marks (*, †, ‡, #, §, ¶, affiliation
/// digits) removed. "**Qinghao Hu***" → "Qinghao Hu".
[[nodiscard]] std::string strip_author_marks(std::string_view author);

/// Decides whether an author string names the CV owner.
///
/// Accepted: the owner's Latin name in either order ("Qinghao Hu", "Hu
/// Qinghao", "HU Qinghao"), "Family, Given" ("Hu, Qinghao"), initials of the
/// given name ("Q. Hu", "Q Hu", "Hu, Q.", "M.-J. Kim" or "M. Kim" for
/// Min-jun); accents, case and hyphens in given names are ignored ("Zoe" =
/// "Zoë", "MULLER" = "Müller" = "Mueller", "Minjun" = "Min-jun"); the native
/// form with or without spaces ("胡清昊", "胡 清昊"); each alias (compared
/// ignoring case, accents, spaces and punctuation); and the romanisation of a
/// Han/Hangul/Kana native name when the owner gave no Latin parts.
///
/// Rejected: a family name alone ("Hu"), another family name ("Hua
/// Qinghao", "Qinghao Huang", "Q. Hua"), another given name ("Qing Hu", "Hao
/// Hu"), and a hyphenated double family name ("Hao Wu-Chen" is not "Hao
/// Wu"). Since order is not known, "Wu Hao" does match owner "Hao Wu".
///
/// A plain `full` name is split into given (all but the last word) and
/// family (the last word). Thread-safe after construction.
class NameMatcher {
public:
  /// Prepares the owner's name variants.
  explicit NameMatcher(const PersonName& owner);
  /// True when `author` (marks allowed, see strip_author_marks) names the owner.
  [[nodiscard]] bool matches(std::string_view author) const;

private:
  struct Form {
    std::string family;                // letters only, folded: "hu", "muller"
    std::string given;                 // letters only, folded: "qinghao", "minjun"
    std::string first_given;           // first given word when there are several
    std::vector<std::string> initials; // one per given part: "Min-jun" → {m, j}
  };
  void add_form(std::string_view family, std::string_view given);
  [[nodiscard]] bool matches_form(const Form& form, const std::vector<std::string>& family,
                                  const std::vector<std::string>& given) const;
  std::vector<Form> forms_;
  std::vector<std::string> exact_; // letters-only keys of aliases and native forms
};

} // namespace cvpress::detail
