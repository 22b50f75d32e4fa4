// Entries flattened for the flowing formats (backends/outline.hpp).
#include "backends/outline.hpp"

namespace cvpress::detail {

namespace {

const RichText* non_empty(const RichText& t) { return t.empty() ? nullptr : &t; }

const std::vector<Highlight>* non_empty(const std::vector<Highlight>& h) {
  return h.empty() ? nullptr : &h;
}

struct Outliner {
  const Presenter& pr;
  EntryOutline& out;

  void details(const EntryDetails& d) {
    out.summary = non_empty(d.summary);
    out.highlights = non_empty(d.highlights);
  }
  void operator()(const EducationEntry& x) {
    out.rows = pr.head_rows(x);
    details(x.details);
  }
  void operator()(const ExperienceEntry& x) {
    out.rows = pr.head_rows(x);
    details(x.details);
  }
  void operator()(const NormalEntry& x) {
    out.rows = pr.head_rows(x);
    details(x.details);
  }
  void operator()(const PublicationEntry& x) {
    out.rows = pr.publication_rows(x);
    out.summary = non_empty(x.summary);
  }
  void operator()(const TalkEntry& x) {
    out.rows = pr.talk_rows(x);
    out.summary = non_empty(x.summary);
  }
  void operator()(const ServiceEntry& x) { out.rows = {pr.service_row(x)}; }
  void operator()(const PatentEntry& x) { out.rows = pr.patent_rows(x); }
  void operator()(const OneLineEntry& x) {
    out.kind = OutlineKind::one_line;
    out.rows = {pr.one_line_row(x)};
  }
  void operator()(const BulletEntry& x) {
    out.kind = OutlineKind::item;
    out.text = &x.bullet;
  }
  void operator()(const NumberedEntry& x) {
    out.kind = OutlineKind::item;
    out.text = &x.number;
  }
  void operator()(const ReversedNumberedEntry& x) {
    out.kind = OutlineKind::item;
    out.text = &x.reversed_number;
  }
  void operator()(const TextEntry& x) {
    out.kind = OutlineKind::text;
    out.text = &x.text;
  }
};

} // namespace

EntryOutline outline_entry(const Presenter& presenter, const EntryView& view) {
  EntryOutline out;
  out.label = view.label;
  std::visit(Outliner{presenter, out}, *view.entry);
  for (std::string& line : view.aside_lines())
    if (!line.empty())
      out.aside.push_back(std::move(line));
  return out;
}

std::string list_kind(const Section& section) {
  if (section.entries.empty())
    return {};
  const Entry& first = section.entries.front();
  if (std::holds_alternative<BulletEntry>(first))
    return "ul";
  if (std::holds_alternative<NumberedEntry>(first) ||
      std::holds_alternative<ReversedNumberedEntry>(first))
    return "ol";
  return {};
}

bool reversed_list(const Section& section) {
  return !section.entries.empty() &&
         std::holds_alternative<ReversedNumberedEntry>(section.entries.front());
}

} // namespace cvpress::detail
