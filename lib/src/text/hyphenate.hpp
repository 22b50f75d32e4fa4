#pragma once
// Hyphenation points of words (libhyphen with Debian's hyphen-* dictionaries,
// /usr/share/hyphen/hyph_<lang>[_<REGION>].dic), chosen by the CV's language.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// One language's hyphenation patterns. Dictionaries are loaded on first
/// use and cached for the process; a Hyphenator is immutable and may be
/// used from several threads.
class Hyphenator {
public:
  /// The hyphenator for `language` (RenderCV name or BCP-47 tag, as
  /// settings.locale.language), from `dir`; nullptr when no dictionary for
  /// it is installed or the file is unusable (then text is not hyphenated).
  static std::shared_ptr<const Hyphenator>
  for_language(const std::string& language, const std::string& dir = "/usr/share/hyphen");

  /// Where `word` (UTF-8, letters only, any case) may take a hyphen: the
  /// indices of the code points a hyphen may go before, ascending; at
  /// least `left` code points before the first and `right` after the last.
  void points(std::string_view word, std::vector<std::size_t>& out, std::size_t left = 2,
              std::size_t right = 3) const;

  /// The dictionary file in use.
  [[nodiscard]] const std::string& file() const { return file_; }

  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

private:
  struct Dict;
  Hyphenator(std::unique_ptr<Dict> dict, std::string file);
  std::unique_ptr<Dict> dict_;
  std::string file_;
};

} // namespace cvpress::detail
