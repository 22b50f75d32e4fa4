#include "present/sections.hpp"

#include "text/section_keys.hpp"

#include "text/locale_format.hpp"
#include "text/names.hpp"

#include <algorithm>
#include <climits>
#include <numeric>
#include <optional>

namespace cvpress::detail {

namespace {

// (end, start) of an entry's dates; nullopt when undated or free text.
struct DateKey {
  CalendarDate end, start;
};

constexpr CalendarDate k_open{INT_MAX, 0, 0}; // `present`, or a range with no end

std::optional<CalendarDate> calendar(const std::optional<DatePoint>& p) {
  if (!p)
    return std::nullopt;
  if (std::holds_alternative<Present>(*p))
    return k_open;
  if (const auto* d = std::get_if<CalendarDate>(&*p))
    return *d;
  return std::nullopt;
}

std::optional<DateKey> date_key(const Dates& d) {
  if (d.date) {
    auto p = calendar(d.date);
    return p ? std::optional<DateKey>(DateKey{*p, *p}) : std::nullopt;
  }
  auto start = calendar(d.start);
  auto end =
      d.end ? calendar(d.end) : (d.start ? std::optional<CalendarDate>(k_open) : std::nullopt);
  if (d.start && !start)
    return std::nullopt; // free-text start
  if (!end)
    return std::nullopt;
  return DateKey{*end, start.value_or(*end)};
}

std::optional<DateKey> date_key(const Entry& entry) {
  return std::visit(
      [](const auto& e) -> std::optional<DateKey> {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, EducationEntry> || std::is_same_v<T, ExperienceEntry> ||
                      std::is_same_v<T, NormalEntry>)
          return date_key(e.details.dates);
        else if constexpr (std::is_same_v<T, PublicationEntry> || std::is_same_v<T, PatentEntry> ||
                           std::is_same_v<T, ServiceEntry>)
          return date_key(e.dates);
        else if constexpr (std::is_same_v<T, TalkEntry>) {
          std::optional<DateKey> latest;
          for (const auto& ev : e.events)
            if (auto k = date_key(ev.dates); k && (!latest || k->end > latest->end))
              latest = k;
          return latest;
        } else
          return std::nullopt;
      },
      entry);
}

// The leading person name of a text: "Jane Doe (PhD 2021)" → "Jane Doe".
std::string leading_name(const std::string& text) {
  std::size_t cut = text.size();
  for (std::string_view stop : {",", "(", ":", ";", " - ", " – ", " — ", "，", "（", "："})
    cut = std::min(cut, text.find(stop));
  std::string name = text.substr(0, cut);
  while (!name.empty() && name.back() == ' ')
    name.pop_back();
  return name;
}

} // namespace

SortOrder sort_order(const Settings& settings, const Section& section) {
  std::optional<SortOrder> all;
  const std::string folded = fold_section_key(section.key);
  for (const auto& rule : settings.sort) {
    if (rule.section.empty())
      all = rule.order;
    else if (rule.section == section.key || fold_section_key(rule.section) == folded)
      return rule.order;
  }
  return all.value_or(SortOrder::none);
}

std::string sort_text(const Entry& entry) {
  return std::visit(
      [](const auto& e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, EducationEntry>)
          return e.institution.plain();
        else if constexpr (std::is_same_v<T, ExperienceEntry>)
          return e.company.plain();
        else if constexpr (std::is_same_v<T, NormalEntry>)
          return e.name.plain();
        else if constexpr (std::is_same_v<T, PublicationEntry> || std::is_same_v<T, TalkEntry> ||
                           std::is_same_v<T, PatentEntry>)
          return e.title.plain();
        else if constexpr (std::is_same_v<T, ServiceEntry>)
          return e.event.plain();
        else if constexpr (std::is_same_v<T, OneLineEntry>)
          return e.label.plain();
        else if constexpr (std::is_same_v<T, BulletEntry>)
          return e.bullet.plain();
        else if constexpr (std::is_same_v<T, NumberedEntry>)
          return e.number.plain();
        else if constexpr (std::is_same_v<T, ReversedNumberedEntry>)
          return e.reversed_number.plain();
        else
          return e.text.plain();
      },
      entry);
}

std::vector<std::size_t> entry_order(const Section& section, SortOrder order,
                                     std::string_view locale_tag) {
  const std::size_t n = section.entries.size();
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  switch (order) {
  case SortOrder::none:
    break;
  case SortOrder::newest_first:
  case SortOrder::oldest_first: {
    std::vector<std::optional<DateKey>> keys;
    for (const auto& e : section.entries)
      keys.push_back(date_key(e));
    const bool newest = order == SortOrder::newest_first;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      const auto& ka = keys[a];
      const auto& kb = keys[b];
      if (!ka || !kb)
        return ka.has_value() && !kb.has_value(); // dated first
      if (newest)
        return ka->end != kb->end ? ka->end > kb->end : ka->start > kb->start;
      return ka->start != kb->start ? ka->start < kb->start : ka->end < kb->end;
    });
    break;
  }
  case SortOrder::alphabetical: {
    std::vector<std::string> texts;
    for (const auto& e : section.entries)
      texts.push_back(sort_text(e));
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      return compare_text(texts[a], texts[b], locale_tag) < 0;
    });
    break;
  }
  case SortOrder::family_name: {
    std::vector<PersonName> names;
    for (const auto& e : section.entries)
      names.emplace_back().full = leading_name(sort_text(e));
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      return compare_names(names[a], names[b], locale_tag) < 0;
    });
    break;
  }
  }
  return idx;
}

std::vector<std::size_t> entry_order(const Cv& cv, const Section& section) {
  return entry_order(section, sort_order(cv.settings, section),
                     resolve_language(cv.locale.language));
}

} // namespace cvpress::detail
