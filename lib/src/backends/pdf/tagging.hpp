#pragma once
// Tagged PDF at object level (libharu has no structure-tree API): the
// structure tree of a laid-out document (LaidOutDocument::structure) as
// StructElem objects, the marked-content ids the painter's content streams
// refer to, the parent tree, link annotations' places in the tree, and the
// catalog entries a tagged (PDF/UA-1) document needs.
#include "backends/pdf/hpdf_document.hpp"
#include "layout/display_list.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cvpress::detail {

/// A PDF text string: UTF-16BE with a byte order mark.
std::string utf16be(std::string_view utf8);

/// The structure type name of `role` ("H1", "LBody", ...).
const char* struct_type(StructRole role);

/// Builds the structure tree while the painter draws, and writes it at the
/// end. One per document; page by page, in order.
class Tagging {
public:
  /// `nodes`: the document's structure (node 0 the root); `lang` its
  /// language (BCP 47).
  Tagging(HpdfDocument& pdf, const std::vector<StructNode>& nodes, std::string lang);

  /// Starts page `page` (the next one): its /StructParents and /Tabs.
  void begin_page(HPDF_Page page);
  /// A new marked-content id on the current page for content of `node`.
  int mark(int node);
  /// Puts link annotation `annot` of the current page into `node` (a Link):
  /// /StructParent, an object reference in the element, `contents` as the
  /// annotation's /Contents.
  void link(HPDF_Annotation annot, int node, const std::string& contents);
  /// Writes the structure tree, the parent tree and the catalog's /MarkInfo,
  /// /StructTreeRoot and /Lang.
  void finish();

private:
  struct Kid {
    enum class Kind { mcid, child, objr } kind = Kind::mcid;
    int value = 0;        // MCID or child node
    std::size_t page = 0; // page index (mcid, objr)
    HPDF_Dict annot = nullptr;
  };
  struct NodeState {
    std::vector<Kid> kids; // content and children in the order they appear
    bool seen = false;     // introduced to its parent
    bool own = false;      // has content of its own
    HPDF_Dict element = nullptr;
  };

  void introduce(int node);
  HPDF_Dict element(int node, HPDF_Dict parent);

  HpdfDocument& pdf_;
  const std::vector<StructNode>& nodes_;
  std::string lang_;
  std::vector<NodeState> state_;
  std::vector<std::vector<int>> children_; // per node, in reading order
  std::vector<HPDF_Page> pages_;
  std::vector<std::vector<int>> page_mcids_;      // per page: node of each MCID
  std::vector<std::pair<HPDF_Dict, int>> annots_; // annotations with their Link node
};

} // namespace cvpress::detail
