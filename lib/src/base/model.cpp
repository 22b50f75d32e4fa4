#include <cvpress/model.hpp>

namespace cvpress {

std::string RichText::plain() const {
  std::string out;
  for (const auto& run : runs) {
    std::visit(
        [&](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<T, MathRun>)
            out += r.unicode;
          else
            out += r.text;
        },
        run);
  }
  return out;
}

bool RichText::empty() const {
  for (const auto& run : runs) {
    bool has = std::visit(
        [](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<T, MathRun>)
            return !r.tex.empty();
          else
            return !r.text.empty();
        },
        run);
    if (has)
      return false;
  }
  return true;
}

RichText RichText::from_plain(std::string text, SourceLocation where) {
  RichText rt;
  if (!text.empty())
    rt.runs.emplace_back(TextRun{std::move(text), {}});
  rt.where = std::move(where);
  return rt;
}

std::string_view entry_type_name(const Entry& entry) {
  struct Names {
    std::string_view operator()(const EducationEntry&) const { return "education"; }
    std::string_view operator()(const ExperienceEntry&) const { return "experience"; }
    std::string_view operator()(const NormalEntry&) const { return "normal"; }
    std::string_view operator()(const PublicationEntry&) const { return "publication"; }
    std::string_view operator()(const TalkEntry&) const { return "talk"; }
    std::string_view operator()(const ServiceEntry&) const { return "service"; }
    std::string_view operator()(const PatentEntry&) const { return "patent"; }
    std::string_view operator()(const OneLineEntry&) const { return "one_line"; }
    std::string_view operator()(const BulletEntry&) const { return "bullet"; }
    std::string_view operator()(const NumberedEntry&) const { return "numbered"; }
    std::string_view operator()(const ReversedNumberedEntry&) const { return "reversed_numbered"; }
    std::string_view operator()(const TextEntry&) const { return "text"; }
  };
  return std::visit(Names{}, entry);
}

const OptionValue* OptionValue::find(std::string_view key) const {
  for (const auto& [k, v] : keys)
    if (k == key)
      return &v;
  return nullptr;
}

} // namespace cvpress
