// Tagged PDF objects (see tagging.hpp).
#include "backends/pdf/tagging.hpp"

#include "text/unicode.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>

namespace cvpress::detail {

namespace {

// A PDF text string: plain when ASCII, else UTF-16BE with a byte order mark.
void* text_string(HPDF_MMgr mmgr, const std::string& utf8) {
  bool ascii = true;
  for (char c : utf8)
    ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != 0;
  if (ascii)
    return HPDF_String_New(mmgr, utf8.c_str(), nullptr);
  std::string out = utf16be(utf8);
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(out.data()),
                         static_cast<HPDF_UINT>(out.size()));
}

} // namespace

// A PDF text string: UTF-16BE with a byte order mark.
std::string utf16be(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  auto unit = [&out](unsigned u) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  };
  for_each_code_point(utf8, [&](char32_t cp) {
    if (cp > 0xFFFF) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(static_cast<unsigned>(cp));
    }
  });
  return out;
}

const char* struct_type(StructRole role) {
  switch (role) {
  case StructRole::document:
    return "Document";
  case StructRole::sect:
    return "Sect";
  case StructRole::h1:
    return "H1";
  case StructRole::h2:
    return "H2";
  case StructRole::p:
    return "P";
  case StructRole::div:
    return "Div";
  case StructRole::l:
    return "L";
  case StructRole::li:
    return "LI";
  case StructRole::lbl:
    return "Lbl";
  case StructRole::lbody:
    return "LBody";
  case StructRole::link:
    return "Link";
  case StructRole::figure:
    return "Figure";
  case StructRole::span:
  case StructRole::artifact:
    return "Span";
  }
  return "Span";
}

Tagging::Tagging(HpdfDocument& pdf, const std::vector<StructNode>& nodes, std::string lang)
    : pdf_(pdf), nodes_(nodes), lang_(std::move(lang)), state_(nodes.size()) {}

void Tagging::begin_page(HPDF_Page page) {
  pages_.push_back(page);
  page_mcids_.emplace_back();
  HPDF_Dict_AddNumber(page, "StructParents", static_cast<HPDF_INT32>(pages_.size() - 1));
  HPDF_Dict_AddName(page, "Tabs", "S"); // annotations in structure order
  pdf_.check("tagging a page");
}

// Makes `node` and its ancestors children of their parents, in the order
// their content first appears.
void Tagging::introduce(int node) {
  while (node > 0 && !state_[static_cast<std::size_t>(node)].seen) {
    state_[static_cast<std::size_t>(node)].seen = true;
    const int parent = nodes_[static_cast<std::size_t>(node)].parent;
    if (parent < 0)
      break;
    state_[static_cast<std::size_t>(parent)].kids.push_back(
        Kid{Kid::Kind::child, node, 0, nullptr});
    node = parent;
  }
}

int Tagging::mark(int node) {
  auto& mcids = page_mcids_.back();
  const int mcid = static_cast<int>(mcids.size());
  mcids.push_back(node);
  NodeState& s = state_.at(static_cast<std::size_t>(node));
  s.kids.push_back(Kid{Kid::Kind::mcid, mcid, pages_.size() - 1, nullptr});
  s.own = true;
  introduce(node);
  return mcid;
}

void Tagging::link(HPDF_Annotation annot, int node, const std::string& contents) {
  const auto key = static_cast<HPDF_INT32>(annots_.size());
  annots_.emplace_back(annot, node);
  NodeState& s = state_.at(static_cast<std::size_t>(node));
  s.kids.push_back(Kid{Kid::Kind::objr, key, pages_.size() - 1, annot});
  s.own = true;
  introduce(node);
  HPDF_Dict_Add(annot, "Contents", text_string(pdf_.get()->mmgr, contents));
  HPDF_Dict_AddNumber(annot, "F", 4); // printed (PDF/A)
  pdf_.check("tagging a link");
}

HPDF_Dict Tagging::element(int node, HPDF_Dict parent) {
  HPDF_MMgr mmgr = pdf_.get()->mmgr;
  const StructNode& n = nodes_[static_cast<std::size_t>(node)];
  NodeState& s = state_[static_cast<std::size_t>(node)];
  HPDF_Dict e = HPDF_Dict_New(mmgr);
  pdf_.check("creating a structure element",
             e != nullptr && HPDF_Xref_Add(pdf_.get()->xref, e) == HPDF_OK);
  s.element = e;
  HPDF_Dict_AddName(e, "S", struct_type(n.role));
  HPDF_Dict_Add(e, "P", parent);
  if (!n.lang.empty())
    HPDF_Dict_Add(e, "Lang", text_string(mmgr, n.lang));
  if (!n.alt.empty() && n.role == StructRole::figure)
    HPDF_Dict_Add(e, "Alt", text_string(mmgr, n.alt));
  if (!n.actual_text.empty())
    HPDF_Dict_Add(e, "ActualText", text_string(mmgr, n.actual_text));
  std::size_t pg = SIZE_MAX; // the element's page: that of its first content
  for (const Kid& k : s.kids)
    if (k.kind != Kid::Kind::child) {
      pg = k.page;
      break;
    }
  if (pg != SIZE_MAX)
    HPDF_Dict_Add(e, "Pg", pages_[pg]);
  HPDF_Array kids = HPDF_Array_New(mmgr);
  pdf_.check("creating a structure element", kids != nullptr);
  HPDF_Dict_Add(e, "K", kids);
  // Content in the order it was painted, children where their content first
  // appears; an element with only children lists them in reading order.
  std::vector<Kid> order;
  if (s.own) {
    order = s.kids;
  } else {
    for (int c : children_[static_cast<std::size_t>(node)])
      if (state_[static_cast<std::size_t>(c)].seen)
        order.push_back(Kid{Kid::Kind::child, c, 0, nullptr});
  }
  for (const Kid& k : order) {
    switch (k.kind) {
    case Kid::Kind::mcid:
      if (k.page == pg) {
        HPDF_Array_AddNumber(kids, k.value);
      } else {
        HPDF_Dict mcr = HPDF_Dict_New(mmgr);
        pdf_.check("creating a structure element", mcr != nullptr);
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", pages_[k.page]);
        HPDF_Dict_AddNumber(mcr, "MCID", k.value);
        HPDF_Array_Add(kids, mcr);
      }
      break;
    case Kid::Kind::objr: {
      HPDF_Dict objr = HPDF_Dict_New(mmgr);
      pdf_.check("creating a structure element", objr != nullptr);
      HPDF_Dict_AddName(objr, "Type", "OBJR");
      HPDF_Dict_Add(objr, "Obj", k.annot);
      HPDF_Dict_Add(objr, "Pg", pages_[k.page]);
      HPDF_Array_Add(kids, objr);
      break;
    }
    case Kid::Kind::child:
      HPDF_Array_Add(kids, element(k.value, e));
      break;
    }
  }
  pdf_.check("creating a structure element");
  return e;
}

void Tagging::finish() {
  HPDF_Doc doc = pdf_.get();
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_Dict root = HPDF_Dict_New(mmgr);
  pdf_.check("creating the structure tree", root && HPDF_Xref_Add(doc->xref, root) == HPDF_OK);
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  children_.assign(nodes_.size(), {});
  for (std::size_t n = 1; n < nodes_.size(); ++n)
    if (nodes_[n].parent >= 0 && static_cast<std::size_t>(nodes_[n].parent) < n)
      children_[static_cast<std::size_t>(nodes_[n].parent)].push_back(static_cast<int>(n));
  if (!nodes_.empty())
    HPDF_Dict_Add(root, "K", element(0, root));
  // The parent tree: per page, the element of each MCID; per link
  // annotation (keys after the pages'), its Link element.
  HPDF_Dict tree = HPDF_Dict_New(mmgr);
  pdf_.check("creating the parent tree", tree && HPDF_Xref_Add(doc->xref, tree) == HPDF_OK);
  HPDF_Array nums = HPDF_Array_New(mmgr);
  pdf_.check("creating the parent tree", nums != nullptr);
  HPDF_Dict_Add(tree, "Nums", nums);
  for (std::size_t p = 0; p < pages_.size(); ++p) {
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
    HPDF_Array elements = HPDF_Array_New(mmgr);
    pdf_.check("creating the parent tree", elements != nullptr);
    for (int node : page_mcids_[p])
      HPDF_Array_Add(elements, state_[static_cast<std::size_t>(node)].element);
    HPDF_Array_Add(nums, elements);
  }
  for (std::size_t a = 0; a < annots_.size(); ++a) {
    const auto key = static_cast<HPDF_INT32>(pages_.size() + a);
    HPDF_Array_AddNumber(nums, key);
    HPDF_Array_Add(nums, state_[static_cast<std::size_t>(annots_[a].second)].element);
    HPDF_Dict_AddNumber(annots_[a].first, "StructParent", key);
  }
  HPDF_Dict_Add(root, "ParentTree", tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
                      static_cast<HPDF_INT32>(pages_.size() + annots_.size()));
  HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  pdf_.check("creating the structure tree", mark_info != nullptr);
  HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(mmgr, HPDF_TRUE));
  HPDF_Dict_Add(doc->catalog, "MarkInfo", mark_info);
  if (!lang_.empty())
    HPDF_Dict_Add(doc->catalog, "Lang", text_string(mmgr, lang_));
  pdf_.check("writing the structure tree");
}

} // namespace cvpress::detail
