// The layout pipeline: composition into blocks, pagination, footers and,
// for right-to-left documents, mirroring.
#include "layout/layout.hpp"

#include "fonts/icons.hpp"
#include "layout/compose.hpp"
#include "layout/mirror.hpp"
#include "layout/paginate.hpp"
#include "layout/spans.hpp"
#include "text/locale_format.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace cvpress::detail {

namespace {

// One complete layout of `cv` in `style`.
LaidOutDocument lay_out(const Cv& cv, const Style& style, const Resources& resources,
                        bool fewest_pages) {
  LaidOutDocument doc;
  const Presenter pr(cv, style);
  Typesetter ts(style, cv.locale.language, doc.warnings);
  doc.page_width = style.page_width;
  doc.page_height = style.page_height;
  // Metadata in Latin script (romanised when the name has no Latin form).
  doc.info.title = pr.document_title();
  doc.info.author = pr.document_author();
  doc.info.subject = "Curriculum vitae";

  const SpanMaker spans(style, {}); // only the footer's look: no keywords to match
  SpanStyle footer_style = spans.body();
  footer_style.size = spans.footer_size();
  footer_style.color = 0x808080; // grey, as RenderCV's page numbers
  if (style.rendercv_dates) {    // a RenderCV theme: its footer colour and emphasis
    footer_style.color = style.rendercv.footer_color;
    footer_style.italic = style.rendercv.footer_template.starts_with("*") ||
                          (style.rendercv.footer_template.empty() && !style.footer.empty());
  }
  PageGeometry g;
  g.left = style.margin_left;
  g.width = style.page_width - style.margin_left - style.margin_right;
  g.top = style.page_height - style.margin_top;
  // RenderCV themes set the footer in the bottom margin (Typst's footer-descent:
  // half the margin less 0.6em), so it takes no room from the text area.
  const bool footer_in_margin = style.rendercv_dates;
  const double footer_h =
      style.footer.empty() || footer_in_margin ? 0 : ts.line_height(footer_style.size) + 4;
  // Without a footer, keep room for the last line's descenders.
  g.bottom = style.margin_bottom + std::max(footer_h, 0.1 * style.body_size);
  // Right-to-left languages: RTL paragraphs and a mirrored page.
  if (is_rtl(pr.tag())) {
    ts.set_rtl(true);
    g.axis = 2 * g.left + g.width;
  }

  if (style.rendercv.show_icons && !icon_face()) {
    const auto contacts = pr.contacts();
    if (std::any_of(contacts.begin(), contacts.end(),
                    [](const ContactView& c) { return icon_code_point(c.icon) != 0; }))
      doc.warnings.push_back({Severity::warning, SourceLocation{cv.source_file, 0, 0},
                              "design.header.connections.show_icons",
                              "the header's icons are not drawn: the Font Awesome font "
                              "(Debian package fonts-font-awesome) is not installed"});
  }
  doc.info.lang = pr.tag();
  StructureBuilder structure(doc.structure, pr.tag(), is_rtl(pr.tag()));
  std::vector<Block> blocks = compose_blocks(cv, style, resources, pr, ts, g, structure,
                                             &doc.date_widths, &doc.degree_widths);
  for (const Block& b : blocks)
    if (b.list_item && (doc.list_sections.empty() || doc.list_sections.back() != b.ref.section))
      doc.list_sections.push_back(b.ref.section);
  paginate(blocks, PageFrame{g.top, g.bottom}, doc, BreakRules{style.split_fraction, fewest_pages});
  add_footers(doc, ts,
              FooterSpec{style.footer, pr.tag(), pr.owner_name(), footer_style, g.left, g.width,
                         style.margin_bottom, g.axis,
                         footer_in_margin ? style.margin_bottom / 2 + 0.6 * style.body_size -
                                                0.7 * footer_style.size
                                          : 0});
  if (g.axis != 0)
    mirror_shapes(doc, g.axis);
  doc.missing_glyphs = ts.missing_glyphs();
  return doc;
}

} // namespace

Style scaled_style(const Style& style, double f) {
  Style s = style;
  for (double* v : {&s.body_size, &s.name_size, &s.headline_size, &s.heading_size})
    *v *= f;
  // The space between entries and sections gives way twice as fast as the
  // type: at a 90% floor it is at 80%, so spacing goes before legibility.
  const double space = std::max(0.0, 1 - 2 * (1 - f));
  for (double* v :
       {&s.entry_spacing, &s.entry_stretch, &s.entry_shrink, &s.section_spacing, &s.section_stretch,
        &s.section_shrink, &s.item_spacing, &s.item_stretch, &s.item_shrink})
    *v *= space;
  // The leading (line height over type size) tightens too, never under 1.1.
  s.line_spacing = std::max(std::min(style.line_spacing, 1.1), style.line_spacing * f);
  return s;
}

namespace {

std::string percent(double f) {
  return std::to_string(static_cast<int>(std::lround(f * 100))) + "%";
}

} // namespace

LaidOutDocument layout_document(const Cv& cv, const Style& style, const Resources& resources) {
  LaidOutDocument doc = lay_out(cv, style, resources, false);
  const auto limit = static_cast<std::size_t>(std::max(style.max_pages, 0));
  if (limit == 0 || doc.pages.size() <= limit)
    return doc;
  // Fitting: first the glue (fewest pages, shrinking as far as the style
  // allows), then type and leading in 2% steps down to the style's floor.
  constexpr double k_step = 0.02;
  std::vector<double> factors;
  for (double f = 1; f > style.fit_floor + 1e-9; f -= k_step)
    factors.push_back(f);
  factors.push_back(style.fit_floor);
  for (double f : factors) {
    LaidOutDocument fitted = lay_out(cv, f < 1 ? scaled_style(style, f) : style, resources, true);
    fitted.scale = f;
    const bool fits = fitted.pages.size() <= limit;
    doc = std::move(fitted);
    if (fits)
      return doc;
  }
  const SourceLocation where =
      style.max_pages_where.known() ? style.max_pages_where : SourceLocation{cv.source_file, 0, 0};
  doc.warnings.push_back({Severity::warning, where, style.max_pages_path,
                          "the CV does not fit on " + std::to_string(limit) +
                              (limit == 1 ? " page" : " pages") + " even with its type at " +
                              percent(doc.scale) + " (the style's floor); it takes " +
                              std::to_string(doc.pages.size()) + " pages"});
  return doc;
}

LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
                          const PhotoAccess& access) {
  return layout_document(cv, style, resolve_resources(cv, base_dir, access));
}

} // namespace cvpress::detail
