#pragma once
// The logical structure of a laid-out CV (tagged PDF): nodes with roles,
// languages and alternate text, made by composition in reading order, and
// the spans of a paragraph tied to them.
#include "layout/display_list.hpp"
#include "layout/paragraph.hpp"

#include <string>
#include <vector>

namespace cvpress::detail {

/// Adds structure nodes to a document's tree (LaidOutDocument::structure).
class StructureBuilder {
public:
  /// Starts the tree in `nodes` (cleared) with the document node; `lang` is
  /// the document's language (BCP 47); `rtl`: a right-to-left document,
  /// whose tagged nodes get their text in logical order as actual text.
  StructureBuilder(std::vector<StructNode>& nodes, std::string lang, bool rtl = false);
  /// Sets node `node`'s actual text (see StructNode::actual_text).
  void set_actual_text(int node, std::string text);

  /// The document node.
  [[nodiscard]] static int root() { return 0; }
  /// A new node under `parent`, after its existing children; its index.
  int add(StructRole role, int parent, std::string alt = {}, std::string lang = {});
  /// Ties `spans` (one paragraph) to `parent`: every span to it, unless a
  /// span is a link or in another language than the document; then each run
  /// of spans with one link and language gets a child of its own (Link with
  /// the link's text and target as its description, or Span with /Lang).
  void tag(std::vector<Span>& spans, int parent);

private:
  std::vector<StructNode>& nodes_;
  std::string lang_;
  bool rtl_ = false;
  std::vector<int> own_scripts_; // ICU scripts the document's language is written in
};

/// The language (BCP 47, e.g. "zh", "ar") a run of text is in when all its
/// letters are of one script that `document_lang` is not written in; ""
/// otherwise (same script, mixed scripts, no letters).
std::string foreign_language(std::string_view text, std::string_view document_lang);

} // namespace cvpress::detail
