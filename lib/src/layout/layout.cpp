// The layout pipeline: composition into blocks, pagination, footers and,
// for right-to-left documents, mirroring.
#include "layout/layout.hpp"

#include "layout/compose.hpp"
#include "layout/mirror.hpp"
#include "layout/paginate.hpp"
#include "layout/spans.hpp"
#include "text/locale_format.hpp"

#include <algorithm>

namespace cvpress::detail {

LaidOutDocument layout_document(const Cv& cv, const Style& style, const Resources& resources) {
  LaidOutDocument doc;
  const Presenter pr(cv, style);
  Typesetter ts(style, cv.locale.language, doc.warnings);
  doc.page_width = style.page_width;
  doc.page_height = style.page_height;
  // Metadata in Latin script (romanised when the name has no Latin form).
  doc.info.title = pr.document_title();
  doc.info.author = pr.document_author();
  doc.info.subject = "Curriculum vitae";

  const SpanMaker spans(style, cv.settings.bold_keywords);
  SpanStyle footer_style = spans.body();
  footer_style.size = spans.footer_size();
  footer_style.color = 0x808080; // grey, as RenderCV's page numbers
  PageGeometry g;
  g.left = style.margin_left;
  g.width = style.page_width - style.margin_left - style.margin_right;
  g.top = style.page_height - style.margin_top;
  const double footer_h = style.footer.empty() ? 0 : ts.line_height(footer_style.size) + 4;
  // Without a footer, keep room for the last line's descenders.
  g.bottom = style.margin_bottom + std::max(footer_h, 0.1 * style.body_size);
  // Right-to-left languages: RTL paragraphs and a mirrored page.
  if (is_rtl(pr.tag())) {
    ts.set_rtl(true);
    g.axis = 2 * g.left + g.width;
  }

  std::vector<Block> blocks = compose_blocks(cv, style, resources, pr, ts, g);
  paginate(blocks, PageFrame{g.top, g.bottom}, doc);
  add_footers(doc, ts,
              FooterSpec{style.footer, pr.tag(), pr.owner_name(), footer_style, g.left, g.width,
                         style.margin_bottom, g.axis});
  if (g.axis != 0)
    mirror_shapes(doc, g.axis);
  doc.missing_glyphs = ts.missing_glyphs();
  return doc;
}

LaidOutDocument layout_cv(const Cv& cv, const Style& style, const std::filesystem::path& base_dir,
                          const PhotoAccess& access) {
  return layout_document(cv, style, resolve_resources(cv, base_dir, access));
}

} // namespace cvpress::detail
