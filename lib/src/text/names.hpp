#pragma once
// Person names: display order by locale and script, romanisation of native
// (Han, Kana, Hangul) names for metadata and file names, and sorting.
//
// Nothing here rewrites what the user wrote: display_name() only arranges the
// forms given in the YAML; romanize() and friends derive extra forms for PDF
// metadata, bookmarks, sorting and output file names.
//
// Thread safety: all functions may be called concurrently; ICU transliterators
// and collators are cached per thread.
#include <cvpress/model.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cvpress::detail {

/// How display_name() combines the Latin and the native form.
enum class NameStyle {
  automatic,         ///< native_then_latin when the locale writes the native
                     ///< script (zh CV, Han name), else latin_then_native
  latin_then_native, ///< "Qiaoling Chen (陈巧玲)"
  native_then_latin, ///< "陈巧玲 Qiaoling Chen"
  latin_only,        ///< "Qiaoling Chen" (the native form when there is no Latin one)
  native_only,       ///< "陈巧玲" (the Latin form when there is no native one)
};

/// True when the tag's language writes the family name first: Chinese,
/// Japanese, Korean, Hungarian, Vietnamese.
[[nodiscard]] bool family_name_first(std::string_view locale_tag);

/// True when `text` contains Han, Hiragana, Katakana or Hangul letters,
/// whose names are written without a space between family and given name.
[[nodiscard]] bool is_cjk_name(std::string_view text);

/// True when every letter of `text` is in the Latin script (and there is one).
[[nodiscard]] bool is_latin_text(std::string_view text);

/// The Latin-script name as the user wrote it: `full` when it is Latin and not
/// just the parts joined, else given + family (family first for hu and vi
/// CVs), else `romanized`; "" when there is none. Never derived.
[[nodiscard]] std::string latin_name(const PersonName& name, std::string_view locale_tag);

/// The native-script name: `native`, else a non-Latin `full`, else non-Latin
/// given/family joined (family first and without a space for Han, Kana and
/// Hangul: 陈 + 巧玲 → "陈巧玲"); "" when there is none.
[[nodiscard]] std::string native_name(const PersonName& name);

/// The name to print in a CV of language `locale_tag`. A plain RenderCV name
/// (only `full`) is returned as written.
[[nodiscard]] std::string display_name(const PersonName& name, std::string_view locale_tag,
                                       NameStyle style = NameStyle::automatic);

/// A romanised native name, split into its parts (ASCII, capitalised).
struct Romanization {
  std::string family; ///< e.g. "Chen", "Ouyang", "Kim", "Yamada"
  std::string given;  ///< e.g. "Qiaoling", "Minjun", "Tarou"; may be empty
  /// Family first, as the name is said natively: "Chen Qiaoling".
  [[nodiscard]] std::string family_first() const;
  /// Given first: "Qiaoling Chen".
  [[nodiscard]] std::string given_first() const;
  friend bool operator==(const Romanization&, const Romanization&) = default;
};

/// Romanises a native name written in one of:
/// - Han (Chinese): Hanyu Pinyin via ICU "Han-Latin" without tone marks or
///   syllable apostrophes (passport style). Family name: text before a space,
///   else a known two-character compound surname (欧阳 → "Ouyang", 司马,
///   诸葛, ...), else the first character; polyphonic surnames use their
///   surname reading (曾 → "Zeng", 单 → "Shan"). 陈巧玲 → {Chen, Qiaoling}.
/// - Hangul: Revised Romanization per syllable (ICU's "Hangul-Latin" is a
///   reversible scheme without syllable breaks: 김민준 → "gimminjun"), with
///   the customary spelling of common surnames: 김민준 → {Kim, Minjun}.
/// - Kana: ICU "Any-Latin; Latin-ASCII" (Hepburn-like, long vowels as
///   written: やまだ たろう → {Yamada, Tarou}); family = first space-separated part.
/// Kanji names cannot be read reliably (山田太郎 would come out as Mandarin
/// "Shan Tiantailang"), so Han text with a Japanese locale, or Han mixed with
/// Kana, gives nullopt, as does any other script.
[[nodiscard]] std::optional<Romanization> romanize(std::string_view native,
                                                   std::string_view locale_tag = "");

/// An ASCII Latin form of the whole name for PDF metadata, bookmarks and
/// sorting: the user's Latin name folded to ASCII ("Zoë Müller" → "Zoe
/// Muller"), else the romanised native name family first ("Chen Qiaoling");
/// "" when neither exists.
[[nodiscard]] std::string ascii_name(const PersonName& name, std::string_view locale_tag = "");

/// The name for PDF metadata (author, title): the Latin name as displayed
/// (display_name with latin_only), else ascii_name() when the name has no
/// Latin form ("陈巧玲" → "Chen Qiaoling"), else the native name; "" for none.
[[nodiscard]] std::string metadata_name(const PersonName& name, std::string_view locale_tag = "");

/// A lower-case ASCII file stem from ascii_name(): "qiaoling-chen",
/// "zoe-muller"; "cv" when the name has no ASCII form.
[[nodiscard]] std::string ascii_file_stem(const PersonName& name, std::string_view locale_tag = "");

/// RenderCV's output file stem from ascii_name(): spaces become underscores
/// and "_CV" is appended ("Qinghao_Hu_CV", "Chen_Qiaoling_CV"); characters
/// other than ASCII letters, digits, '-' and '_' are dropped. "" when the
/// name has no ASCII form (the caller then falls back to the input's stem).
[[nodiscard]] std::string cv_file_stem(const PersonName& name, std::string_view locale_tag = "");

/// Compares two texts with the ICU collator of `locale_tag` (zh: pinyin
/// order, de: ä with a, ...). <0, 0 or >0.
[[nodiscard]] int compare_text(std::string_view a, std::string_view b, std::string_view locale_tag);

/// Compares two names for sorting with the ICU collator of `locale_tag`
/// (family name, then given name, then the full text; a plain name's family
/// is its last word, a CJK name's its first character). <0, 0 or >0.
[[nodiscard]] int compare_names(const PersonName& a, const PersonName& b,
                                std::string_view locale_tag);

} // namespace cvpress::detail
