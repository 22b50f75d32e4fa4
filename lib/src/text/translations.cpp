#include "text/translations.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace cvpress::detail {

namespace {

// Column order of every table row.
constexpr std::array<std::string_view, 12> kLanguages = {"en", "zh", "ja", "ko", "de", "fr",
                                                         "es", "ru", "ar", "vi", "he", "fa"};

using Row = std::array<std::string_view, kLanguages.size()>;

// Index into a Row for a language subtag; 0 (English) when there is no column.
std::size_t column(std::string_view language) {
  for (std::size_t i = 0; i < kLanguages.size(); ++i)
    if (kLanguages[i] == language)
      return i;
  return 0;
}

// Rows in the order of enum Word. Persian uses ی and ک (not Arabic ي ك) and
// \u200c (zero-width non-joiner) where its orthography has a half space.
constexpr std::array<Row, 6> kWords = {{
    // present
    {"present", "至今", "現在", "현재", "heute", "aujourd’hui", "actualidad", "настоящее время",
     "الآن", "nay", "היום", "اکنون"},
    // page_of
    {"Page {page} of {pages}", "第 {page} 页，共 {pages} 页", "{page} / {pages} ページ",
     "{page} / {pages} 페이지", "Seite {page} von {pages}", "Page {page} sur {pages}",
     "Página {page} de {pages}", "Страница {page} из {pages}", "صفحة {page} من {pages}",
     "Trang {page}/{pages}", "עמוד {page} מתוך {pages}", "صفحه {page} از {pages}"},
    // co_first_author
    {"co-first author", "共同第一作者", "共同筆頭著者", "공동 제1저자",
     "gleichberechtigte Erstautorschaft", "co-premier auteur", "coprimer autor",
     "равноправный первый автор", "مؤلف أول مشارك", "đồng tác giả thứ nhất", "מחבר ראשון משותף",
     "نویسنده اول مشترک"},
    // corresponding_author
    {"corresponding author", "通讯作者", "責任著者", "교신저자", "korrespondierender Autor",
     "auteur correspondant", "autor de correspondencia", "автор для корреспонденции",
     "المؤلف المراسل", "tác giả liên hệ", "מחבר מכותב", "نویسنده مسئول"},
    // to
    {"to", "至", "～", "~", "bis", "à", "a", "до", "إلى", "đến", "עד", "تا"},
    // last_updated
    {"Last updated in", "最后更新于", "最終更新", "최종 업데이트", "Zuletzt aktualisiert",
     "Dernière mise à jour", "Última actualización", "Последнее обновление", "آخر تحديث",
     "Cập nhật lần cuối", "עודכן לאחרונה", "آخرین به\u200cروزرسانی"},
}};

struct SectionRow {
  std::string_view key;
  Row titles;
};

constexpr std::array<SectionRow, 10> kSections = {{
    {"education",
     {"Education", "教育经历", "学歴", "학력", "Ausbildung", "Formation", "Educación",
      "Образование", "التعليم", "Học vấn", "השכלה", "تحصیلات"}},
    {"experience",
     {"Experience", "工作经历", "職歴", "경력", "Berufserfahrung", "Expérience professionnelle",
      "Experiencia", "Опыт работы", "الخبرة المهنية", "Kinh nghiệm làm việc", "ניסיון מקצועי",
      "سوابق کاری"}},
    {"publications",
     {"Publications", "发表论文", "研究業績", "논문", "Publikationen", "Publications",
      "Publicaciones", "Публикации", "المنشورات", "Công bố khoa học", "פרסומים", "انتشارات"}},
    {"projects",
     {"Projects", "项目经历", "プロジェクト", "프로젝트", "Projekte", "Projets", "Proyectos",
      "Проекты", "المشاريع", "Dự án", "פרויקטים", "پروژه\u200cها"}},
    {"skills",
     {"Skills", "专业技能", "スキル", "보유 기술", "Kenntnisse", "Compétences", "Habilidades",
      "Навыки", "المهارات", "Kỹ năng", "כישורים", "مهارت\u200cها"}},
    {"awards",
     {"Awards", "获奖情况", "受賞歴", "수상 경력", "Auszeichnungen", "Distinctions", "Premios",
      "Награды", "الجوائز", "Giải thưởng", "פרסים", "جوایز"}},
    {"talks",
     {"Talks", "学术报告", "講演", "발표", "Vorträge", "Communications", "Ponencias", "Доклады",
      "المحاضرات", "Báo cáo khoa học", "הרצאות", "سخنرانی\u200cها"}},
    {"service",
     {"Service", "学术服务", "学会活動", "학술 활동", "Akademisches Engagement",
      "Responsabilités collectives", "Servicio académico", "Научно-организационная деятельность",
      "الخدمة الأكاديمية", "Hoạt động học thuật", "פעילות אקדמית", "خدمات علمی"}},
    {"teaching",
     {"Teaching", "教学经历", "教育歴", "강의 경력", "Lehre", "Enseignement", "Docencia",
      "Преподавание", "التدريس", "Giảng dạy", "הוראה", "سوابق تدریس"}},
    {"patents",
     {"Patents", "专利", "特許", "특허", "Patente", "Brevets", "Patentes", "Патенты",
      "براءات الاختراع", "Bằng sáng chế", "פטנטים", "اختراعات ثبت\u200cشده"}},
}};

} // namespace

std::string language_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_')
      break;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string_view translate(Word word, std::string_view locale_tag) {
  return kWords.at(static_cast<std::size_t>(word))[column(language_subtag(locale_tag))];
}

bool has_translations(std::string_view locale_tag) {
  const std::string language = language_subtag(locale_tag);
  for (std::string_view l : kLanguages)
    if (l == language)
      return true;
  return false;
}

std::optional<std::string> default_section_title(std::string_view key,
                                                 std::string_view locale_tag) {
  for (const SectionRow& row : kSections)
    if (row.key == key)
      return std::string(row.titles[column(language_subtag(locale_tag))]);
  return std::nullopt;
}

std::string format_page_of(std::string_view locale_tag, int page, int pages) {
  std::string out(translate(Word::page_of, locale_tag));
  auto replace = [&out](std::string_view from, const std::string& to) {
    const std::size_t at = out.find(from);
    if (at != std::string::npos)
      out.replace(at, from.size(), to);
  };
  replace("{pages}", std::to_string(pages));
  replace("{page}", std::to_string(page));
  return out;
}

namespace {

// English, or a language without cvpress translations: keep the text.
bool is_english(std::string_view tag) {
  return language_subtag(tag) == "en" || !has_translations(tag);
}

} // namespace

std::string section_display_title(std::string_view key, std::string_view title,
                                  std::string_view locale_tag) {
  const bool lower = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
  });
  if (lower && !is_english(locale_tag))
    if (auto t = default_section_title(key, locale_tag))
      return *t;
  return std::string(title);
}

std::string localize_footer(std::string_view footer, std::string_view locale_tag) {
  std::string out(footer);
  if (is_english(locale_tag))
    return out;
  const std::string_view phrase = translate(Word::page_of, locale_tag);
  for (std::string_view from :
       {"page {page} of {pages}", "Page {page} of {pages}", "{page} of {pages}"}) {
    const std::size_t at = out.find(from);
    if (at != std::string::npos) {
      out.replace(at, from.size(), phrase);
      break;
    }
  }
  return out;
}

} // namespace cvpress::detail
