// Name display order, romanisation, file stems and collation.
#include "text/links.hpp"
#include "text/names.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace cvpress;
using namespace cvpress::detail;

namespace {

PersonName plain(std::string full) {
  PersonName n;
  n.full = std::move(full);
  return n;
}

PersonName parts(std::string given, std::string family, std::string native = "") {
  PersonName n;
  n.given = std::move(given);
  n.family = std::move(family);
  n.full = n.given + " " + n.family; // what the loader fills in
  n.native = std::move(native);
  return n;
}

} // namespace

TEST_CASE("names: a plain RenderCV name is shown as written") {
  for (const char* tag : {"en", "zh", "hu"}) {
    CHECK(display_name(plain("Qinghao Hu"), tag) == "Qinghao Hu");
    CHECK(display_name(plain("陈巧玲"), tag) == "陈巧玲");
    CHECK(display_name(plain("Dr. Jane  Doe"), tag) == "Dr. Jane  Doe");
  }
}

TEST_CASE("names: Latin and native forms by style and locale") {
  const PersonName qc = parts("Qiaoling", "Chen", "陈巧玲");
  CHECK(display_name(qc, "en") == "Qiaoling Chen (陈巧玲)");
  CHECK(display_name(qc, "zh") == "陈巧玲 Qiaoling Chen");
  CHECK(display_name(qc, "mandarin_chinese") == "陈巧玲 Qiaoling Chen");
  CHECK(display_name(qc, "ja") == "陈巧玲 Qiaoling Chen"); // Han is also Japanese script
  CHECK(display_name(qc, "en", NameStyle::latin_then_native) == "Qiaoling Chen (陈巧玲)");
  CHECK(display_name(qc, "en", NameStyle::native_then_latin) == "陈巧玲 Qiaoling Chen");
  CHECK(display_name(qc, "zh", NameStyle::latin_only) == "Qiaoling Chen");
  CHECK(display_name(qc, "en", NameStyle::native_only) == "陈巧玲");

  // Native name from native-script parts, joined without a space.
  PersonName han_parts;
  han_parts.given = "巧玲";
  han_parts.family = "陈";
  CHECK(native_name(han_parts) == "陈巧玲");
  CHECK(display_name(han_parts, "en") == "陈巧玲");
  PersonName hangul_parts;
  hangul_parts.given = "민준";
  hangul_parts.family = "김";
  hangul_parts.romanized = "Minjun Kim";
  CHECK(display_name(hangul_parts, "ko") == "김민준 Minjun Kim");
  CHECK(display_name(hangul_parts, "en") == "Minjun Kim (김민준)");

  // Only one form: it is shown whatever the style.
  PersonName native_only;
  native_only.native = "陈巧玲";
  CHECK(display_name(native_only, "en", NameStyle::latin_only) == "陈巧玲");
  CHECK(display_name(parts("Jane", "Doe"), "zh", NameStyle::native_only) == "Jane Doe");

  // Cyrillic native with a romanised form.
  PersonName ru;
  ru.full = "Иван Петров";
  ru.romanized = "Ivan Petrov";
  CHECK(display_name(ru, "ru") == "Иван Петров Ivan Petrov");
  CHECK(display_name(ru, "en") == "Ivan Petrov (Иван Петров)");
}

TEST_CASE("names: Hungarian and Vietnamese Latin names put the family first") {
  const PersonName hu = parts("János", "Kovács");
  CHECK(display_name(hu, "hungarian") == "Kovács János");
  CHECK(display_name(hu, "en") == "János Kovács");
  const PersonName vi = parts("Văn An", "Nguyễn");
  CHECK(display_name(vi, "vi") == "Nguyễn Văn An");
  CHECK(family_name_first("zh"));
  CHECK(family_name_first("japanese"));
  CHECK(family_name_first("ko-KR"));
  CHECK(family_name_first("hu"));
  CHECK_FALSE(family_name_first("en"));
  CHECK_FALSE(family_name_first("de"));
  // A full name written out on purpose wins over the parts.
  PersonName custom = parts("Qinghao", "Hu");
  custom.full = "Qinghao (Tony) Hu";
  CHECK(display_name(custom, "en") == "Qinghao (Tony) Hu");
}

TEST_CASE("names: romanisation of Han, Hangul and Kana") {
  CHECK(romanize("陈巧玲") == Romanization{"Chen", "Qiaoling"});
  CHECK(romanize("陈巧玲")->family_first() == "Chen Qiaoling");
  CHECK(romanize("陈巧玲")->given_first() == "Qiaoling Chen");
  CHECK(romanize("陈 巧玲") == Romanization{"Chen", "Qiaoling"});
  CHECK(romanize("胡清昊") == Romanization{"Hu", "Qinghao"});
  CHECK(romanize("欧阳娜娜") == Romanization{"Ouyang", "Nana"});
  CHECK(romanize("諸葛亮") == Romanization{"Zhuge", "Liang"});
  CHECK(romanize("曾国藩") == Romanization{"Zeng", "Guofan"}); // not ICU's "ceng"
  CHECK(romanize("单田芳") == Romanization{"Shan", "Tianfang"});
  CHECK(romanize("陈") == Romanization{"Chen", ""});
  // Hangul: Revised Romanization per syllable, customary surnames.
  CHECK(romanize("김민준") == Romanization{"Kim", "Minjun"});
  CHECK(romanize("이서연") == Romanization{"Lee", "Seoyeon"});
  CHECK(romanize("박지훈") == Romanization{"Park", "Jihun"});
  CHECK(romanize("남궁민수") == Romanization{"Namgung", "Minsu"});
  // Kana via ICU Any-Latin.
  CHECK(romanize("やまだ たろう") == Romanization{"Yamada", "Tarou"});
  CHECK(romanize("ヤマダ・タロウ") == Romanization{"Yamada", "Tarou"});
  // Kanji readings are unknown: nothing for a Japanese CV or mixed kanji/kana.
  CHECK_FALSE(romanize("山田太郎", "ja").has_value());
  CHECK_FALSE(romanize("山田たろう").has_value());
  // Without a locale Han is read as Chinese (documented limitation).
  CHECK(romanize("山田太郎") == Romanization{"Shan", "Tiantailang"});
  // Other scripts are not romanised here.
  CHECK_FALSE(romanize("Qinghao Hu").has_value());
  CHECK_FALSE(romanize("Иван").has_value());
  CHECK_FALSE(romanize("").has_value());
}

TEST_CASE("names: metadata_name romanises only names without a Latin form") {
  PersonName plain;
  plain.full = "陈巧玲";
  CHECK(metadata_name(plain, "zh") == "Chen Qiaoling");
  PersonName both;
  both.full = "Qiaoling Chen";
  both.native = "陈巧玲";
  CHECK(metadata_name(both, "zh") == "Qiaoling Chen");
  PersonName accented;
  accented.full = "Zoë Müller";
  CHECK(metadata_name(accented, "de") == "Zoë Müller");
  PersonName kanji;
  kanji.full = "山田太郎";
  CHECK(metadata_name(kanji, "ja") == "山田太郎"); // no reliable reading: kept
  CHECK(metadata_name(PersonName{}, "en").empty());
}

TEST_CASE("names: ASCII forms and file stems") {
  CHECK(ascii_file_stem(parts("Qiaoling", "Chen", "陈巧玲")) == "qiaoling-chen");
  CHECK(ascii_file_stem(plain("Qinghao Hu")) == "qinghao-hu");
  CHECK(ascii_name(parts("Zoë", "Müller")) == "Zoe Muller");
  CHECK(ascii_file_stem(parts("Zoë", "Müller")) == "zoe-muller");
  CHECK(ascii_file_stem(plain("Đặng Thị Ngọc Hà")) == "dang-thi-ngoc-ha");
  PersonName han;
  han.native = "陈巧玲";
  CHECK(ascii_name(han) == "Chen Qiaoling");
  CHECK(ascii_file_stem(han) == "chen-qiaoling");
  CHECK(ascii_file_stem(plain("김민준")) == "kim-minjun");
  CHECK(ascii_file_stem(plain("Иван Петров")) == "ivan-petrov");
  CHECK(ascii_file_stem(plain("山田太郎"), "ja") == "cv");
  CHECK(ascii_file_stem(plain("")) == "cv");
  // The user's own romanisation is preferred over a derived one.
  PersonName own;
  own.full = "胡清昊";
  own.romanized = "Tony Hu";
  CHECK(ascii_name(own) == "Tony Hu");
}

TEST_CASE("names: collation by family name with the locale's collator") {
  CHECK(compare_names(plain("Zoe Adams"), plain("Bob Brown"), "en") < 0);
  CHECK(compare_names(plain("Bob Brown"), plain("Zoe Adams"), "en") > 0);
  CHECK(compare_names(plain("Ann Adams"), plain("Ann Adams"), "en") == 0);
  CHECK(compare_names(plain("Anna Émile"), plain("Anna Erdős"), "fr") < 0);
  // Swedish sorts Å after Z; English does not.
  CHECK(compare_names(plain("A Åberg"), plain("A Zetterberg"), "sv") > 0);
  CHECK(compare_names(plain("A Åberg"), plain("A Zetterberg"), "en") < 0);
  // Chinese collation is by pinyin: 胡 (hu) before 陈 (chen)? No: chen < hu.
  CHECK(compare_names(plain("陈巧玲"), plain("胡清昊"), "zh") < 0);
  std::vector<PersonName> people = {parts("Hao", "Wu"), parts("Qinghao", "Hu"),
                                    parts("Qiaoling", "Chen"), parts("Meng", "Zhang")};
  std::sort(people.begin(), people.end(),
            [](const PersonName& a, const PersonName& b) { return compare_names(a, b, "en") < 0; });
  CHECK(people[0].family == "Chen");
  CHECK(people[1].family == "Hu");
  CHECK(people[2].family == "Wu");
  CHECK(people[3].family == "Zhang");
}

TEST_CASE("names: script helpers") {
  CHECK(is_cjk_name("陈巧玲"));
  CHECK(is_cjk_name("김민준"));
  CHECK(is_cjk_name("やまだ"));
  CHECK_FALSE(is_cjk_name("Qinghao Hu"));
  CHECK(is_latin_text("Zoë Müller-Lüdenscheidt"));
  CHECK_FALSE(is_latin_text("Иван"));
  CHECK_FALSE(is_latin_text("123"));
}

TEST_CASE("links: contact items and DOIs shared by both backends") {
  using cvpress::SocialNetwork;
  auto link = [](std::string net, std::string user) {
    return cvpress::detail::social_link(SocialNetwork{std::move(net), std::move(user), {}});
  };
  CHECK(link("GitHub", "jdoe").text == "github.com/jdoe");
  CHECK(link("GitHub", "jdoe").url == "https://github.com/jdoe");
  CHECK(link("LinkedIn", "j doe").url == "https://linkedin.com/in/j%20doe");
  CHECK(link("Google Scholar", "abc_DEF").text == "Google Scholar");
  CHECK(link("Google Scholar", "abc_DEF").url == "https://scholar.google.com/citations?user=abc_DEF");
  CHECK(link("Mastodon", "@jane@fosstodon.org").url == "https://fosstodon.org/@jane");
  CHECK(link("Friendster", "x").text == "Friendster: x");
  CHECK(link("Friendster", "x").url.empty());
  CHECK(cvpress::detail::display_url("https://www.example.org/") == "example.org");
  CHECK(cvpress::detail::tel_uri("(+65) 8305 3277") == "tel:+6583053277");
  CHECK(cvpress::detail::tel_uri("+1-609-999+9995") == "tel:+16099999995");
  CHECK(cvpress::detail::doi_url("10.1145/3575693.3575705") ==
        "https://doi.org/10.1145/3575693.3575705");
  CHECK(cvpress::detail::doi_url("10.1000/a#b?c") == "https://doi.org/10.1000/a%23b%3Fc");
}
