// The preamble: every style decision of the LaTeX output lives here, as
// plain LaTeX a user can edit.
#include "backends/latex/escape.hpp"
#include "backends/latex/writer.hpp"
#include "fonts/icons.hpp"
#include "text/translations.hpp"
#include "text/unicode.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace cvpress::detail::latex {

namespace {

// A length in big points, rounded to 0.001.
std::string bp(double value);

// Vertical glue: "6bp plus 3bp minus 2bp" (the parts that are 0 left out).
std::string glue(double natural, double stretch, double shrink) {
  std::string out = bp(natural);
  if (stretch > 0)
    out += " plus " + bp(stretch);
  if (shrink > 0)
    out += " minus " + bp(shrink);
  return out;
}

std::string bp(double value) {
  char buf[32];
  if (!std::isfinite(value) || value < 0)
    value = 0;
  const double rounded = std::round(value * 1000.0) / 1000.0;
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded);
  (void)ec;
  return std::string(buf, end) + "bp";
}

std::string hex_color(std::uint32_t rgb) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out(6, '0');
  for (int i = 5; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = digits[rgb & 0xF];
    rgb >>= 4;
  }
  return out;
}

// A font family name reduced to letters, digits, spaces and "-_.+": it also
// lands in a Lua string (LuaLaTeX fallback), so nothing may escape from it.
std::string font_name(std::string_view family) {
  std::string out;
  for (const char c : family)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
        c == '-' || c == '_' || c == '.' || c == '+')
      out += c;
  return out;
}

bool has(std::string_view family, std::string_view word) {
  return family.find(word) != std::string_view::npos;
}

enum class Role { latin, mono, arabic, hebrew, cjk, other };

Role role_of(std::string_view family) {
  if (has(family, "Arabic"))
    return Role::arabic;
  if (has(family, "Hebrew"))
    return Role::hebrew;
  if (has(family, "WenQuanYi") || has(family, "CJK") || has(family, "Hei") || has(family, "Song") ||
      has(family, "Ming") || has(family, "Gothic"))
    return Role::cjk;
  if (has(family, "Mono"))
    return Role::mono;
  if (has(family, "Symbol") || has(family, "Emoji") || has(family, "Math"))
    return Role::other;
  return Role::latin;
}

std::vector<std::string> families(const FontChainSpec& chain, Role role) {
  std::vector<std::string> out;
  for (const auto& f : chain.families)
    if (role_of(f) == role)
      out.push_back(font_name(f));
  return out;
}

// \IfFontExistsTF{A}{<cmd>{A}}{\IfFontExistsTF{B}{<cmd>{B}}{<last>}}: the
// first installed family of a chain.
std::string first_installed(const std::vector<std::string>& chain, const std::string& command,
                            const std::string& options, const std::string& fallback) {
  std::string out;
  std::string close;
  for (const auto& family : chain) {
    const std::string name = escape_text(family);
    out += "\\IfFontExistsTF{" + name + "}{" + command + "{" + name + "}" + options + "}{%\n  ";
    close += "}";
  }
  return out + fallback + close + "\n";
}

// Like first_installed, each family with its own options.
std::string first_installed(const std::vector<std::pair<std::string, std::string>>& chain,
                            const std::string& command, const std::string& fallback) {
  std::string out;
  std::string close;
  for (const auto& [family, options] : chain) {
    const std::string name = escape_text(family);
    out += "\\IfFontExistsTF{" + name + "}{" + command + "{" + name + "}" + options + "}{%\n  ";
    close += "}";
  }
  return out + fallback + close + "\n";
}

// The CJK fonts, as the PDF layout picks them: Noto Sans (Serif, for a serif
// style) CJK in the region of the CV's language (a real bold), then the
// style's CJK families (WenQuanYi Micro Hei: synthetic bold).
std::vector<std::pair<std::string, std::string>>
cjk_fonts(const Style& s, const std::vector<std::string>& latin, const DocumentMeta& meta) {
  const bool serif = !latin.empty() && has(latin.front(), "Serif");
  const std::string region = noto_cjk_region("Hani", meta.tag);
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* kind : serif ? std::array{"Serif", "Sans"} : std::array{"Sans", "Serif"})
    out.emplace_back(std::string("Noto ") + kind + " CJK " + region, "");
  std::vector<std::string> style_cjk = families(s.body_fonts, Role::cjk);
  if (style_cjk.empty())
    style_cjk = {"WenQuanYi Micro Hei"};
  for (const auto& f : style_cjk)
    if (f.rfind("Noto ", 0) != 0 || !has(f, "CJK"))
      out.emplace_back(f, "[AutoFakeBold=2]");
  return out;
}

// Scripts beyond Latin, Greek, Cyrillic, Arabic, Hebrew and CJK (Devanagari,
// Thai, ...): each in its own Noto family, as in the PDF. XeTeX switches to
// it at each change of character class; the body needs no markup.
std::string script_fonts(std::uint32_t used, bool serif) {
  if (used == 0)
    return {};
  std::string p =
      "% Scripts in their own Noto family (as in the PDF): XeTeX switches fonts where\n"
      "% the character class changes (\\XeTeXinterchartoks)\n"
      "\\ifXeTeX\n"
      "\\makeatletter\n"
      "\\XeTeXinterchartokenstate=1\n"
      "\\let\\cv@scriptouter\\relax\n"
      "\\newcommand{\\cv@enterscript}[1]{\\ifx\\cv@scriptouter\\relax\n"
      "  \\edef\\cv@scriptouter{\\f@family}\\fi#1}\n"
      "\\newcommand{\\cv@leavescript}{\\ifx\\cv@scriptouter\\relax\\else\n"
      "  \\fontfamily{\\cv@scriptouter}\\selectfont\\let\\cv@scriptouter\\relax\\fi}\n"
      "\\newcommand{\\cv@charclass}[3]{\\count@=#1\\relax\n"
      "  \\loop\\XeTeXcharclass\\count@=#3\\relax\\ifnum\\count@<#2\\advance\\count@ 1 \\repeat}\n";
  const auto blocks = script_blocks();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!(used & (std::uint32_t{1} << i)))
      continue;
    const std::string script = blocks[i].name;
    const std::string font = "\\cv" + script + "Font";
    const std::string cls = "\\cv" + script + "Class";
    const std::string sans = "Noto Sans " + script, ser = "Noto Serif " + script;
    p += first_installed(
        serif ? std::vector<std::string>{ser, sans} : std::vector<std::string>{sans, ser},
        "\\newfontfamily" + font, "[Script=" + script + "]", "\\newcommand{" + font + "}{}");
    char range[40];
    std::snprintf(range, sizeof range, "{\"%04X}{\"%04X}", static_cast<unsigned>(blocks[i].first),
                  static_cast<unsigned>(blocks[i].last));
    p += "\\newXeTeXintercharclass" + cls + "\n\\cv@charclass" + range + "{" + cls + "}\n";
    for (const char* from : {"0", "4095"})
      p += "\\XeTeXinterchartoks " + std::string(from) + " " + cls + " = {\\cv@enterscript" + font +
           "}\n";
    for (const char* to : {"0", "4095"})
      p += "\\XeTeXinterchartoks " + cls + " " + std::string(to) + " = {\\cv@leavescript}\n";
    names.push_back(script);
  }
  // From one script straight into another.
  for (const auto& a : names)
    for (const auto& b : names)
      if (a != b)
        p += "\\XeTeXinterchartoks \\cv" + a + "Class \\cv" + b +
             "Class = {\\cv@leavescript\\cv@enterscript\\cv" + b + "Font}\n";
  return p + "\\makeatother\n\\fi\n";
}

std::string footer_text(const std::string& tmpl, const DocumentMeta& meta, Features& features) {
  std::string out;
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    if (tmpl.compare(pos, 6, "{name}") == 0) {
      out += typeset_text(meta.name.empty() ? meta.author : meta.name, features);
      pos += 6;
    } else if (tmpl.compare(pos, 6, "{page}") == 0) {
      out += "\\thepage{}";
      pos += 6;
    } else if (tmpl.compare(pos, 7, "{pages}") == 0) {
      out += "\\pageref*{cvLastPage}";
      pos += 7;
    } else {
      std::size_t next = tmpl.find('{', pos + 1);
      if (next == std::string::npos)
        next = tmpl.size();
      out += typeset_text(std::string_view(tmpl).substr(pos, next - pos), features);
      pos = next;
    }
  }
  return out;
}

std::string heading_definition(const Style& s, bool rtl) {
  const bool rcv = s.rendercv_dates; // a RenderCV theme style
  const std::string font = "{\\cvHeadingFont\\fontsize{" + bp(s.heading_size) + "}{" +
                           bp(s.heading_size * 1.2) + "}\\selectfont" +
                           (rcv && !s.rendercv.bold_section_titles ? "" : "\\bfseries") +
                           "\\color{cvPrimary}";
  std::string look;
  const std::string rule = "\\leaders\\hrule height 0.45em depth -0.38em\\hfill";
  if (!rtl && rcv && s.rendercv.heading_centered) {
    // RenderCV's centered_* section titles.
    switch (s.heading_look) {
    case HeadingLook::partial_rule:
      look = font + rule + "\\enspace#1\\enspace" + rule + "\\null\\par}";
      break;
    case HeadingLook::rule_below:
      look = font + "\\hfill#1\\hfill\\null\\par}\\nobreak\\vspace{1bp}%\n"
                    "  {\\color{cvPrimary}\\hrule height 0.6bp}";
      break;
    default:
      look = font + "\\hfill#1\\hfill\\null\\par}";
      break;
    }
  } else if (rtl) {
    // Mirrored: the title (a right-to-left run) at the right margin, rules
    // and bars on its other side.
    const std::string title = "\\cvRTL{#1}";
    const std::string right = "\\leftskip=0pt plus 1fil\\parfillskip=0pt\\relax ";
    switch (s.heading_look) {
    case HeadingLook::rule_below:
      look = font + right + title +
             "\\par}\\nobreak\\vspace{1bp}%\n  {\\color{cvPrimary}\\hrule height 0.6bp}";
      break;
    case HeadingLook::partial_rule:
      look =
          font + "\\leaders\\hrule height 0.45em depth -0.38em\\hfill\\enspace " + title + "\\par}";
      break;
    case HeadingLook::underline:
      look = "\\setbox0=\\hbox{" + font + title +
             "}}{\\parfillskip=0pt\\hfill\\copy0\\par}\\nobreak\\vspace{1bp}%\n"
             "  \\nointerlineskip\\moveright\\dimexpr\\linewidth-\\wd0\\relax"
             "\\vbox{\\color{cvPrimary}\\hrule height 0.6bp width \\wd0}\\prevdepth=-1000pt";
      break;
    case HeadingLook::small_caps:
      look = font + right +
             "\\cvRTL{\\MakeUppercase{#1}}\\par}\\nobreak\\vspace{1bp}%\n"
             "  {\\color{cvPrimary}\\hrule height 0.3bp}";
      break;
    case HeadingLook::bar:
      look = font + right + title + "\\enspace\\rule[-0.2em]{3bp}{1em}\\par}";
      break;
    case HeadingLook::plain:
      look = font + right + title + "\\par}";
      break;
    }
  } else {
    switch (s.heading_look) {
    case HeadingLook::rule_below:
      look = font + "#1\\par}\\nobreak\\vspace{1bp}%\n  {\\color{cvPrimary}\\hrule height 0.6bp}";
      break;
    case HeadingLook::partial_rule:
      look = font + "#1\\enspace\\leaders\\hrule height 0.45em depth -0.38em\\hfill\\null\\par}";
      break;
    case HeadingLook::underline:
      look = "\\setbox0=\\hbox{" + font +
             "#1}}\\copy0\\par\\nobreak\\vspace{1bp}%\n"
             "  {\\color{cvPrimary}\\hrule height 0.6bp width \\wd0}";
      break;
    case HeadingLook::small_caps:
      look = font + "\\MakeUppercase{#1}\\par}\\nobreak\\vspace{1bp}%\n"
                    "  {\\color{cvPrimary}\\hrule height 0.3bp}";
      break;
    case HeadingLook::bar:
      look = font + "\\rule[-0.2em]{3bp}{1em}\\enspace#1\\par}";
      break;
    case HeadingLook::plain:
      look = font + "#1\\par}";
      break;
    }
  }
  // RenderCV themes space titles as the PDF layout does (Typst's cap-height
  // boxes): space_above from the last baseline to the title's cap height,
  // space_below + 1.8 pt from its baseline to the next line's cap height;
  // TeX adds one \baselineskip of the next line to each.
  double above = s.section_spacing, below = 3;
  if (s.rendercv_dates) {
    above =
        std::max(0.0, s.section_spacing + 0.7 * s.heading_size - s.heading_size * s.line_spacing);
    below = std::max(0.0, s.rendercv.heading_space_below + 1.8 + 0.7 * s.body_size -
                              s.body_size * s.line_spacing);
  }
  return "% \\cvSection{title}{bookmark text}: a section heading with a PDF bookmark; it\n"
         "% stays on the page of what follows (\\@afterheading).\n"
         "\\newcounter{cvSection}\n"
         "\\newcommand{\\cvBookmark}[1]{\\stepcounter{cvSection}%\n"
         "  \\pdfbookmark[0]{#1}{cvSection.\\arabic{cvSection}}}\n"
         "\\makeatletter\n"
         "\\newcommand{\\cvSection}[2]{%\n"
         "  \\cvPayHang\\addvspace{" +
         glue(above, s.section_stretch, std::min(s.section_shrink, above)) +
         "}%\n"
         "  " +
         (rtl ? "\\cvNoAutoDir" : "") + "\\noindent\\cvBookmark{#2}" + look + "\\nobreak\\vspace{" +
         bp(below) +
         "}\\@afterheading}\n"
         "\\makeatother\n";
}

} // namespace

namespace {

std::string ltr_highlights(const std::string& bullet, const std::string& nested_bullet) {
  return "\\setlist[cvHighlights,1]{label={" + bullet +
         "},leftmargin=\\dimexpr\\cvMainLeft+12bp\\relax,rightmargin=0pt,topsep=2bp,partopsep=0pt,"
         "itemsep=0pt,parsep=0pt,beginpenalty=\\cvKeepPenalty,midpenalty=\\cvKeepPenalty}\n"
         "\\setlist[cvHighlights,2]{label={" +
         nested_bullet +
         "},leftmargin=12bp,rightmargin=0pt,topsep=0pt,itemsep=0pt,parsep=0pt,"
         "beginpenalty=\\cvKeepPenalty,midpenalty=\\cvKeepPenalty,endpenalty=\\cvKeepPenalty}\n";
}

// A right-to-left list label: hung in the right indent (the label box is
// moved across the item).
std::string rtl_label(const std::string& b) {
  return "label={\\rlap{\\hskip\\dimexpr\\labelsep+\\linewidth+4bp\\relax " + b + "}}";
}

// Right-to-left: right-aligned items indented from the right, the bullet
// hung in the right indent.
std::string rtl_highlights(const std::string& bullet, const std::string& nested_bullet) {
  return "\\setlist[cvHighlights,1]{" + rtl_label(bullet) +
         ",leftmargin=\\cvMainLeft,rightmargin=\\dimexpr\\cvMainRight+12bp\\relax,topsep=2bp,"
         "partopsep=0pt,"
         "itemsep=0pt,parsep=0pt,beginpenalty=\\cvKeepPenalty,midpenalty=\\cvKeepPenalty}\n"
         "\\setlist[cvHighlights,2]{" +
         rtl_label(nested_bullet) +
         ",leftmargin=0pt,rightmargin=12bp,topsep=0pt,itemsep=0pt,parsep=0pt,"
         "beginpenalty=\\cvKeepPenalty,midpenalty=\\cvKeepPenalty,endpenalty=\\cvKeepPenalty}\n"
         // \hfill (fill beats the fil of \leftskip) keeps the label at the
         // item's left edge, from where it is moved to the right; the text
         // after it starts right to left (\cv@parR).
         "\\makeatletter\n"
         "\\newcommand{\\cvRightAligned}{\\leftskip=0pt plus 1fil\\parfillskip=0pt\\relax\n"
         "  \\cvNoAutoDir\\leavevmode\\hfill\\cv@parR}\n"
         "\\makeatother\n";
}

// The label and indent of a bullet list (cvBullets, cvEvents).
std::string list_label(const std::string& bullet, bool rtl) {
  return rtl ? rtl_label(bullet) + ",leftmargin=0pt,rightmargin=12bp"
             : "label={" + bullet + "},leftmargin=12bp";
}

std::string ltr_label_lists() {
  return "% Labelled lists: {widest label}; publications left-aligned, numbers right-aligned\n"
         "\\newcommand{\\cvLabelList}[2]{\\list{}{\\settowidth{\\labelwidth}{#1}%\n"
         "  \\labelsep=\\ifdim\\labelwidth>0pt 6bp\\else 0pt\\fi\n"
         "  \\leftmargin=\\dimexpr\\labelwidth+\\labelsep\\relax\\rightmargin=0pt\n"
         "  \\topsep=\\cvEntrySpace\\partopsep=0pt\\itemsep=\\cvEntrySpace\\parsep=0pt\n"
         "  \\def\\makelabel##1{#2}}}\n"
         "\\newenvironment{cvPublications}[1]{\\cvLabelList{#1}{##1\\hfil}}{\\endlist}\n"
         "\\newenvironment{cvNumberedList}[1]{\\cvLabelList{#1}{\\hfil##1}}{\\endlist}\n";
}

// Mirrored: the labels in the right indent (moved there from the left of
// the item), publications right-aligned, numbers left-aligned.
std::string rtl_label_lists() {
  return "% Labelled lists: {widest label}; labels in the right indent, publications\n"
         "% right-aligned, numbers left-aligned\n"
         "\\newcommand{\\cvLabelList}[2]{\\list{}{\\settowidth{\\labelwidth}{#1}%\n"
         "  \\labelsep=\\ifdim\\labelwidth>0pt 6bp\\else 0pt\\fi\n"
         "  \\leftmargin=0pt\\rightmargin=\\dimexpr\\labelwidth+\\labelsep\\relax\n"
         "  \\topsep=\\cvEntrySpace\\partopsep=0pt\\itemsep=\\cvEntrySpace\\parsep=0pt\n"
         "  \\def\\makelabel##1{%\n"
         "    \\rlap{\\hskip\\dimexpr\\linewidth+\\labelwidth+2\\labelsep\\relax\\hbox "
         "to\\labelwidth{#2}}}}}\n"
         "\\newenvironment{cvPublications}[1]{\\cvLabelList{#1}{\\hfil##1}}{\\endlist}\n"
         "\\newenvironment{cvNumberedList}[1]{\\cvLabelList{#1}{##1\\hfil}}{\\endlist}\n";
}

// Right-to-left runs (\cvRTL, \cvLTR, \cvNeutral) and, in a right-to-left
// document, right-to-left paragraphs.
std::string rtl_support(bool rtl_document) {
  std::string p =
      "% Right-to-left text: \\cvRTL{...} and \\cvLTR{...} are runs in that direction;\n"
      "% \\cvNeutral{...} sets digits and punctuation, which the Hebrew and Arabic\n"
      "% fonts lack, in the font around the run (\\cvScriptFont saves it), laid out\n"
      "% right to left (brackets mirrored) inside right-to-left text.\n"
      "\\makeatletter\n"
      "\\newif\\ifcvInR\n"
      "\\let\\cv@outerfamily\\relax\n"
      "\\newcommand{\\cvScriptFont}{\\edef\\cv@outerfamily{\\f@family}}\n"
      "\\ifLuaTeX\n"
      "  \\DeclareRobustCommand{\\cvRTL}[1]{{\\textdir TRT\\cvInRtrue #1}}\n"
      "  \\DeclareRobustCommand{\\cvLTR}[1]{{\\textdir TLT\\cvInRfalse #1}}\n"
      "  \\newcommand{\\cv@neutraldir}{\\ifcvInR\\textdir TLT\\fi}\n"
      "  \\let\\cv@parR\\relax\n"
      "\\else\n"
      "  \\TeXXeTstate=1\n"
      "  \\DeclareRobustCommand{\\cvRTL}[1]{{\\cvInRtrue\\beginR#1\\endR}}\n"
      "  \\DeclareRobustCommand{\\cvLTR}[1]{{\\cvInRfalse\\beginL#1\\endL}}\n"
      "  % XeTeX lays out a word right to left in a font set for a right-to-left script\n"
      "  \\newcommand{\\cv@neutraldir}{\\ifcvInR\\addfontfeatures{RawFeature={script=hebr}}\\fi}\n"
      "  \\newcommand{\\cv@parR}{\\beginR\\global\\cvInRtrue\\global\\cv@dirpendingtrue}\n"
      "\\fi\n"
      "\\DeclareRobustCommand{\\cvNeutral}[1]{{\\ifx\\cv@outerfamily\\relax\\else\n"
      "  \\fontfamily{\\cv@outerfamily}\\selectfont\\fi\\cv@neutraldir\\relax#1}}\n"
      "% Paragraph direction: \\cvDirR{} and \\cvDirL{} start the text of a CV field\n"
      "% with a right-to-left or left-to-right letter first\n"
      "\\newif\\ifcv@dirpending\n"
      "\\newif\\ifcv@skippar\n"
      "\\newcommand{\\cvNoAutoDir}{\\global\\cv@skippartrue}\n";
  if (!rtl_document)
    return p + "\\makeatother\n";
  return p + "% A right-to-left CV (XeTeX): every paragraph starts right to left; when its\n"
             "% first field starts with a left-to-right letter, the rest runs left to\n"
             "% right (\\cvDirL), as the PDF layout decides by the first strong letter.\n"
             "% \\cvNoAutoDir keeps the next paragraph as it is (mirrored by hand: rows,\n"
             "% headings).\n"
             "\\ifLuaTeX\\else\\ifdefined\\AddToHook\n"
             "  \\AddToHook{para/begin}{\\ifcv@skippar\\global\\cv@skipparfalse\n"
             "    \\global\\cv@dirpendingfalse\\global\\cvInRfalse\\else\\cv@parR\\fi}\n"
             "\\fi\\fi\n"
             "\\DeclareRobustCommand{\\cvDirR}{\\leavevmode\\ifinner\\else\n"
             "  \\global\\cv@dirpendingfalse\\fi}\n"
             "\\DeclareRobustCommand{\\cvDirL}{\\leavevmode\\ifinner\\else\\ifcv@dirpending\n"
             "  \\global\\cv@dirpendingfalse\\global\\cvInRfalse\\beginL\\fi\\fi}\n"
             "% \\cvUnit{...}: colour, links and bracketed tags inside right-to-left text\n"
             "% kept in one left-to-right unit (XeTeX would reverse colour changes with the\n"
             "% text, and the paragraph's direction may change inside the brackets)\n"
             "\\ifLuaTeX\n"
             "  \\newcommand{\\cvUnit}[1]{{#1}}\n"
             "\\else\n"
             "  \\newcommand{\\cvUnit}[1]{\\leavevmode\\beginL{\\cvInRfalse#1}\\endL}\n"
             "\\fi\n"
             "\\makeatother\n";
}

} // namespace

std::string make_preamble(const Style& s, const Features& used, const DocumentMeta& meta) {
  // Style strings that are typeset may need the symbol font too.
  Features features = used;
  const std::string bullet = typeset_text(s.bullet, features);
  const std::string nested_bullet = typeset_text(s.nested_bullet, features);
  const std::string separator = typeset_text(s.contact_separator, features);
  const std::string footer =
      s.footer.empty() ? "" : footer_text(localize_footer(s.footer, meta.tag), meta, features);
  // A right-to-left CV is mirrored like the PDF layout: the date column
  // changes sides and the text is right-aligned.
  const bool left = (s.date_column_side == Side::left) != meta.rtl;
  const std::string ragged = meta.rtl ? "\\raggedleft" : "\\raggedright";
  std::string p;
  p += "% A CV typeset by cvpress. Compile with xelatex (or lualatex).\n"
       "% Restyle it by editing this preamble: the body below only calls the \\cv... macros.\n"
       "\\documentclass[10pt]{article}\n"
       "\\usepackage{iftex}\n"
       "\\usepackage[paperwidth=" +
       bp(s.page_width) + ",paperheight=" + bp(s.page_height) + ",top=" + bp(s.margin_top) +
       ",bottom=" + bp(s.margin_bottom) + ",left=" + bp(s.margin_left) +
       ",right=" + bp(s.margin_right) + "]{geometry}\n";
  if (features.math)
    p += "\\usepackage{amsmath}\n";
  p += "\\usepackage{fontspec}\n"
       "\\usepackage{xcolor}\n"
       "\\usepackage{enumitem}\n\n";

  // Fonts.
  p += "% Fonts: the first installed family of each chain. TeX ligatures (-- to an en\n"
       "% dash, ...) are off: the CV's characters print as written.\n";
  std::vector<std::string> latin = families(s.body_fonts, Role::latin);
  if (latin.empty())
    latin = {"Noto Sans", "DejaVu Sans"};
  if (features.cjk) {
    // The first installed CJK font.
    const auto cjk = cjk_fonts(s, latin, meta);
    std::string fallback;
    for (const auto& f : cjk)
      fallback += "\\IfFontExistsTF{" + escape_text(f.first) +
                  "}{\\directlua{luaotfload.add_fallback(\"cvpresscjk\", {\"" +
                  escape_text(f.first) + ":mode=harf;\"})}}{";
    fallback += std::string(cjk.size(), '}');
    p += "\\ifLuaTeX % LuaLaTeX takes CJK glyphs from a fallback font\n  " + fallback +
         "\n"
         "  \\defaultfontfeatures{RawFeature={fallback=cvpresscjk}}\n"
         "\\fi\n";
  }
  p += first_installed(latin, "\\setmainfont", "[Ligatures=TeXOff]", "");
  std::vector<std::string> heading = families(s.heading_fonts, Role::latin);
  if (heading.empty() || heading == latin)
    p += "\\newcommand{\\cvHeadingFont}{}\n";
  else
    p += first_installed(heading, "\\newfontfamily\\cvHeadingFont", "",
                         "\\newcommand{\\cvHeadingFont}{}");
  std::vector<std::string> name = families(s.name_fonts, Role::latin);
  if (name.empty() || name == latin)
    p += "\\newcommand{\\cvNameFont}{}\n";
  else
    p += first_installed(name, "\\newfontfamily\\cvNameFont", "", "\\newcommand{\\cvNameFont}{}");
  std::vector<std::string> mono = families(s.body_fonts, Role::mono);
  if (mono.empty())
    mono = {"DejaVu Sans Mono"};
  p += first_installed(mono, "\\setmonofont", "[Scale=MatchLowercase]", "");
  if (features.cjk) {
    p += "\\ifXeTeX % CJK text through xeCJK\n"
         "  \\usepackage{xeCJK}\n"
         "  % dashes, quotes and ellipses stay Western punctuation\n"
         "  \\xeCJKDeclareCharClass{Default}{\"00B7,\"2013,\"2014,\"2018,\"2019,\"201C,\"201D,"
         "\"2025,\"2026,\"2027}\n  " +
         first_installed(cjk_fonts(s, latin, meta), "\\setCJKmainfont", "") + "\\fi\n";
  }
  p += script_fonts(features.scripts, has(latin.front(), "Serif"));
  if (features.rtl() || meta.rtl)
    p += rtl_support(meta.rtl);
  if (features.arabic) {
    std::vector<std::string> arabic = families(s.body_fonts, Role::arabic);
    if (arabic.empty())
      arabic = {"Noto Sans Arabic"};
    p += first_installed(arabic, "\\newfontfamily\\cvArabicFont", "[Script=Arabic]",
                         "\\newcommand{\\cvArabicFont}{}") +
         "\\DeclareRobustCommand{\\cvArabic}[1]{\\cvRTL{{\\cvScriptFont\\cvArabicFont#1}}}\n";
  }
  if (features.hebrew) {
    std::vector<std::string> hebrew = families(s.body_fonts, Role::hebrew);
    if (hebrew.empty())
      hebrew = {"Noto Sans Hebrew"};
    p += first_installed(hebrew, "\\newfontfamily\\cvHebrewFont", "[Script=Hebrew]",
                         "\\newcommand{\\cvHebrewFont}{}") +
         "\\DeclareRobustCommand{\\cvHebrew}[1]{\\cvRTL{{\\cvScriptFont\\cvHebrewFont#1}}}\n";
  }
  if (features.symbols) {
    // Symbola has most pictographs and emoji (📝 too), then the Noto fonts.
    std::vector<std::string> symbols;
    for (const auto& f : s.body_fonts.families)
      if (has(f, "Symbola"))
        symbols.push_back(font_name(f));
    for (const auto& f : s.body_fonts.families)
      if (has(f, "Symbols2"))
        symbols.push_back(font_name(f));
    for (const auto& f : s.body_fonts.families)
      if (has(f, "Symbol") && !has(f, "Symbols2") && !has(f, "Symbola"))
        symbols.push_back(font_name(f));
    symbols.push_back("DejaVu Sans");
    p += "% Pictographs: \\cvSymbol{...}\n" +
         first_installed(symbols, "\\newfontfamily\\cvSymbolFont", "",
                         "\\newcommand{\\cvSymbolFont}{}") +
         "\\DeclareRobustCommand{\\cvSymbol}[1]{{\\cvSymbolFont#1}}\n";
  }
  if (features.icons)
    p += "% Header icons: Font Awesome 4.7 (Debian: fonts-font-awesome), as in the PDF,\n"
         "% left out of the text layer (an empty ActualText)\n"
         "\\usepackage{accsupp}\n"
         "\\IfFontExistsTF{" +
         std::string(kIconFamily) + "}{\\newfontfamily\\cvIconFont{" + std::string(kIconFamily) +
         "}[Scale=1.05]\n"
         "  \\DeclareRobustCommand{\\cvIcon}[1]{\\BeginAccSupp{method=escape,ActualText={}}"
         "{\\cvIconFont\\symbol{\"#1}}\\EndAccSupp{}\\hspace{0.34em}}}\n"
         "  {\\DeclareRobustCommand{\\cvIcon}[1]{}}\n";
  p += "\\renewcommand{\\normalsize}{\\fontsize{" + bp(s.body_size) + "}{" +
       bp(s.body_size * s.line_spacing) + "}\\selectfont}\n\n";

  // Colours and links.
  p += "% Colours\n"
       "\\definecolor{cvPrimary}{HTML}{" +
       hex_color(s.primary_color) +
       "}\n"
       "\\definecolor{cvText}{HTML}{" +
       hex_color(s.text_color) +
       "}\n"
       "\\definecolor{cvTopNote}{HTML}{" +
       hex_color(s.rendercv.top_note_color) +
       "}\n"
       "% \\cvTopNote{text}: RenderCV's top note, at the right in the top margin\n"
       "\\newcommand{\\cvTopNote}[1]{\\noindent\\hfill\\smash{\\raisebox{" +
       bp(0.5 * s.margin_top) + "}{\\fontsize{" + bp(s.body_size * (s.rendercv_dates ? 0.9 : 0.8)) +
       "}{" + bp(s.body_size) +
       "}\\selectfont\\color{cvTopNote}#1}}\\par\\vspace{-\\baselineskip}}\n\n"
       "% Links, PDF metadata and bookmarks. Minimal TeX installations lack the\n"
       "% pzdr metric hyperref loads under XeTeX; that one font becomes \\nullfont.\n"
       "\\makeatletter\n"
       "\\let\\cv@fontprimitive\\font\n"
       "\\def\\cv@linkfont{\\XeTeXLink@font}\n"
       "\\def\\cv@font#1{\\def\\cv@arg{#1}\\ifx\\cv@arg\\cv@linkfont\n"
       "  \\expandafter\\cv@nopzdr\\else\\expandafter\\cv@fontprimitive\\expandafter#1\\fi}\n"
       "\\def\\cv@nopzdr=pzdr at 1sp{\\global\\let\\XeTeXLink@font\\nullfont}\n"
       "\\ifXeTeX\\IfFileExists{pzdr.tfm}{}{\\let\\font\\cv@font}\\fi\n"
       "\\usepackage[unicode]{hyperref}\n"
       "\\let\\font\\cv@fontprimitive\n"
       "\\makeatother\n"
       "\\usepackage{bookmark}\n" +
       std::string(meta.rtl ? "\\NewCommandCopy{\\cvHref}{\\href}\n"
                              "\\renewcommand{\\href}[2]{\\cvUnit{\\cvHref{#1}{#2}}}\n"
                            : "") +
       "\\hypersetup{colorlinks=true,linkcolor=cvPrimary,urlcolor=cvPrimary,bookmarksopen=true,\n"
       "  pdftitle={" +
       escape_text(meta.title) + "},\n  pdfauthor={" + escape_text(meta.author) +
       "},\n  pdfsubject={Curriculum vitae},pdfcreator={cvpress}}\n";
  // \cvLinkText{text}: a link's text in the CV (not the header's connections),
  // underlined under RenderCV's links.underline (ulem's \uline breaks lines).
  // Under links.show_external_link_icon, Font Awesome's external-link after it
  // (0.65 em, raised, out of the text layer), when the font is installed.
  const bool underline = s.rendercv_dates && s.rendercv.underline_links;
  const bool icon = s.rendercv_dates && s.rendercv.external_link_icon;
  if (underline)
    p += "\\usepackage[normalem]{ulem}\n";
  if (icon)
    p += "\\usepackage{accsupp}\n\\IfFontExistsTF{" + std::string(kIconFamily) +
         "}{\\newfontfamily\\cvLinkIconFont{" + std::string(kIconFamily) +
         "}\n"
         "  \\newcommand{\\cvLinkIcon}{\\hspace{0.25em}\\raisebox{0.2em}{\\BeginAccSupp{"
         "method=escape,ActualText={}}{\\fontsize{" +
         bp(0.65 * s.body_size) + "}{" + bp(0.65 * s.body_size) +
         "}\\selectfont\\cvLinkIconFont\\symbol{\"F08E}}\\EndAccSupp{}}}}\n"
         "  {\\newcommand{\\cvLinkIcon}{}}\n";
  p += std::string("\\newcommand{\\cvLinkText}[1]{") + (underline ? "\\uline{#1}" : "#1") +
       (icon ? "\\cvLinkIcon" : "") + "}\n\n";

  // Page layout.
  p += "% Page\n"
       "\\setlength{\\parindent}{0pt}\n"
       "\\setlength{\\parskip}{0pt}\n";
  // As the PDF's line breaker: a paragraph's last word is not hyphenated
  // ("mem- / ory."); justified text may set a looser line to avoid it.
  p += "\\finalhyphendemerits=1000000\n";
  if (!s.justify)
    p += "\\AtBeginDocument{" + ragged + "}\n";
  else
    p += "\\tolerance=1000\n";
  p += "\\AtBeginDocument{\\normalsize\\color{cvText}}\n";
  if (s.footer.empty()) {
    p += "\\pagestyle{empty}\n";
  } else {
    p += "\\newcommand{\\cvFooter}{" + footer +
         "}\n"
         "\\makeatletter\n"
         "\\def\\ps@cvpage{\\let\\@oddhead\\@empty\\let\\@evenhead\\@empty\n"
         "  \\def\\@oddfoot{\\hfil{\\footnotesize\\color{gray}" +
         std::string(meta.rtl ? "\\cvRTL{\\cvFooter}" : "\\cvFooter") +
         "}\\hfil}%\n"
         "  \\let\\@evenfoot\\@oddfoot}\n"
         "\\makeatother\n"
         "\\pagestyle{cvpage}\n"
         "\\AtEndDocument{\\label{cvLastPage}}\n";
  }
  p += "\n";

  // Macros.
  p += "% Layout\n"
       "\\newdimen\\cvDateWidth \\cvDateWidth=" +
       bp(s.date_column_width) +
       std::string(left ? " % left column: dates and locations\n"
                        : " % right column: dates and locations\n") +
       "\\newdimen\\cvColumnGap \\cvColumnGap=" + bp(10) +
       "\n"
       "\\newdimen\\cvMainMargin \\cvMainMargin=\\dimexpr\\cvDateWidth+\\cvColumnGap\\relax\n"
       "% the main column's margins beside the date column (on the right, lines below\n"
       "% the date column's text run the full width: \\cvBesideDates)\n"
       "\\newdimen\\cvMainLeft \\cvMainLeft=" +
       std::string(left ? "\\cvMainMargin" : "0pt") +
       "\n"
       "\\newdimen\\cvMainRight \\cvMainRight=" +
       std::string(left ? "0pt" : "\\cvMainMargin") +
       "\n"
       "% a section's date column as wide as its dates and locations (the PDF layout's):\n"
       "% \\begingroup\\cvDateColumn{width} ... \\endgroup\n"
       "\\newcommand{\\cvDateColumn}[1]{\\cvDateWidth=#1\\relax"
       "\\cvMainMargin=\\dimexpr\\cvDateWidth+\\cvColumnGap\\relax" +
       std::string(left ? "\\cvMainLeft=\\cvMainMargin" : "\\cvMainRight=\\cvMainMargin") +
       "}\n"
       "% sections without dates or locations: \\begingroup\\cvFullWidth ... \\endgroup\n"
       "\\newcommand{\\cvFullWidth}{\\cvDateWidth=0pt\\cvColumnGap=0pt\\cvMainMargin=0pt"
       "\\cvMainLeft=0pt\\cvMainRight=0pt\\relax}\n"
       "\\newcommand{\\cvEntrySpace}{" +
       glue(s.entry_spacing, s.entry_stretch, s.entry_shrink) +
       "}\n"
       "% Page breaks: the PDF layout's, given to \\cvPageBreak; rows of an entry\n"
       "% end with \\cvKeep, so TeX never splits an entry the layout keeps whole\n"
       "% (\\cvSplittable: one the layout splits)\n"
       "\\newcount\\cvKeepPenalty \\cvKeepPenalty=10000\n"
       "\\newcommand{\\cvKeep}{\\penalty\\cvKeepPenalty}\n"
       "\\newcommand{\\cvSplittable}{\\cvKeepPenalty=0\\interlinepenalty=0\\relax}\n"
       "\\AtBeginDocument{\\interlinepenalty=10000\\relax}\n"
       "\\newcommand{\\cvPageBreak}{\\par\\global\\cvHang=0pt\\newpage}\n"
       "\\newcommand{\\cvIfEmpty}[3]{\\if\\relax\\detokenize{#1}\\relax#2\\else#3\\fi}\n\n";

  p += "% Header\n"
       "\\newenvironment{cvHeader}{\\par" +
       std::string(s.header_centered ? "\\centering" : ragged) + "}{\\par\\addvspace{" +
       bp(s.section_spacing) +
       "}}\n"
       "\\newcommand{\\cvName}[1]{{\\cvNameFont\\fontsize{" +
       bp(s.name_size) + "}{" + bp(s.name_size * 1.2) +
       "}\\selectfont\\bfseries\\color{cvPrimary}#1\\par}\\vspace{4bp}}\n"
       "\\newcommand{\\cvHeadline}[1]{{\\fontsize{" +
       bp(s.headline_size) + "}{" + bp(s.headline_size * s.line_spacing) +
       "}\\selectfont#1\\par}\\vspace{2bp}}\n"
       "\\newcommand{\\cvAffiliation}[1]{#1\\par}\n"
       "\\newif\\ifcvFirstContact\n"
       "\\newenvironment{cvContacts}{\\par\\vspace{2bp}\\cvFirstContacttrue}{\\par}\n"
       "% the separator disappears where a contact line breaks\n"
       "\\newcommand{\\cvContactSep}{\\unskip\\discretionary{}{}{\\mbox{" +
       separator +
       "}}}\n"
       "\\newcommand{\\cvContact}[1]{\\ifcvFirstContact\\cvFirstContactfalse\\else"
       "\\cvContactSep\\fi\\mbox{" +
       std::string(meta.rtl ? "\\cvUnit{\\color{cvPrimary}#1}" : "\\color{cvPrimary}#1") + "}}\n\n";
  p += heading_definition(s, meta.rtl) + "\n";

  // Brackets written by the macros: mirrored in right-to-left text.
  const std::string open_paren = meta.rtl ? "\\cvNeutral{(}" : "(";
  const std::string close_paren = meta.rtl ? "\\cvNeutral{)}" : ")";
  // Dates on the right: the main column runs the full width below the date
  // column's text (\cvRowLines lines beside it), as in the PDF layout; on
  // the left it keeps its indent all the way down.
  const std::string main_box =
      left ? "\\begin{minipage}[t]{\\dimexpr\\linewidth-\\cvMainMargin\\relax}" + ragged +
                 "#1\\strut\\end{minipage}"
           : "\\begin{minipage}[t]{\\linewidth}\\everypar{\\cvRowShape}" + ragged +
                 "#1\\strut\\end{minipage}";
  const std::string side_box =
      "\\begin{minipage}[t]{\\cvDateWidth}" + std::string(left ? "\\raggedright" : "\\raggedleft") +
      // right-to-left lines end on the left
      std::string(left && meta.rtl ? "\\parfillskip=0pt\\relax " : "") + "#2\\strut\\end{minipage}";
  p +=
      "% Entries. \\cvRow{main}{side}: the main column and the dates/location column (" +
      std::string(left ? "left" : "right") +
      ");\n"
      "% the struts and \\prevdepth keep the next line one \\baselineskip below the row.\n"
      "% A date column taller than the main column hangs beside what follows in\n"
      "% the main column (summary, highlights), as in the PDF layout: \\cvHang is\n"
      "% what it still needs, paid (\\cvPayHang) before the next entry or heading.\n"
      "\\newdimen\\cvHang \\newdimen\\cvHangStart \\newbox\\cvMainBox \\newbox\\cvSideBox\n"
      "\\makeatletter\n"
      "\\newcommand{\\cvPayHang}{\\par\\ifdim\\cvHang>\\z@\n"
      "  \\dimen@=\\dimexpr\\pagetotal+\\pagedepth-\\cvHangStart\\relax\n"
      "  \\ifdim\\dimen@<\\z@\\else\\ifdim\\dimen@<\\cvHang"
      "\\kern\\dimexpr\\cvHang-\\dimen@\\relax\\fi\\fi\n"
      "  \\global\\cvHang=\\z@\\fi}\n"
      "% Lines of a main column beside the date column's text are narrower:\n"
      "% \\cvRowLines in a row, then \\cvBesideDates at the start of a paragraph\n"
      "% (\\cvLine, highlights) narrows as many lines as the column still needs.\n"
      "\\newcount\\cvRowLines\n"
      "\\newcommand{\\cvRowShape}{\\ifnum\\cvRowLines>\\z@"
      "\\hangindent=-\\cvMainMargin\\hangafter=-\\cvRowLines\\fi}\n"
      "\\newcommand{\\cvRowPar}{\\par\\advance\\cvRowLines-\\prevgraf}\n"
      "\\def\\cv@narrow#1{\\ifnum#1>\\z@\\@totalleftmargin"
      "\\dimexpr\\linewidth-\\cvMainMargin\\relax\n"
      "  \\expandafter\\cv@narrow\\expandafter{\\the\\numexpr#1-1\\relax}\\fi}\n"
      "\\newcommand{\\cvBesideDates}{" +
      std::string(
          left ? ""
               : "\\ifdim\\cvHang>\\z@\n"
                 "  \\dimen@=\\dimexpr\\cvHang-\\pagetotal-\\pagedepth+\\cvHangStart\\relax\n"
                 "  \\ifdim\\dimen@>\\cvHang\\else\\ifdim\\dimen@>\\z@\n"
                 "    \\count@=\\numexpr\\dimen@/\\dimexpr\\baselineskip\\relax\\relax\n"
                 "    \\ifnum\\count@>\\z@\\parshape=\\numexpr\\count@+1\\relax"
                 "\\cv@narrow{\\the\\count@}\\@totalleftmargin\\linewidth\\fi\n"
                 "  \\fi\\fi\\fi") +
      "}\n"
      "\\newcommand{\\cvRow}[2]{%\n" +
      std::string(left ? ""
                       : "  \\setbox\\cvSideBox=\\hbox{#2}%\n"
                         "  \\cvRowLines=\\ifdim\\wd\\cvSideBox>\\z@ 1\\else 0\\fi\n") +
      "  \\setbox\\cvSideBox=\\hbox{" + side_box + "}%\n" +
      std::string(left ? ""
                       : "  \\ifnum\\cvRowLines>\\z@\\cvRowLines=\\numexpr\\dimexpr\\dp\\cvSideBox-"
                         "\\dp\\strutbox\\relax/\\dimexpr\\baselineskip\\relax+1\\relax\\fi\n") +
      "  \\setbox\\cvMainBox=\\hbox{" + main_box +
      "}%\n"
      "  \\ifdim\\dp\\cvSideBox>\\dp\\cvMainBox\n"
      "    \\global\\cvHang=\\dimexpr\\dp\\cvSideBox-\\dp\\cvMainBox\\relax"
      "\\dp\\cvSideBox=\\dp\\cvMainBox\n"
      "  \\fi\n  " +
      std::string(meta.rtl ? "\\ifvmode\\cvNoAutoDir\\fi" : "") + "\\noindent" +
      (left ? "\\usebox\\cvSideBox" : "\\rlap{\\usebox\\cvMainBox}") + "\\hfill" +
      (left ? "\\usebox\\cvMainBox" : "\\usebox\\cvSideBox") +
      "\\par\n"
      "  \\global\\cvHangStart=\\dimexpr\\pagetotal+\\pagedepth\\relax"
      "\\prevdepth=\\dp\\strutbox\\cvKeep}\n"
      "\\newcommand{\\cvEntryStart}{\\cvPayHang\\if@nobreak\\else\\penalty0 \\fi"
      "\\addvspace{\\cvEntrySpace}" +
      std::string(meta.rtl ? "\\cvNoAutoDir" : "") +
      "\\noindent}\n"
      "\\makeatother\n"
      "% the date column: dates, then location\n"
      "\\newcommand{\\cvWhenWhere}[2]{#1\\cvIfEmpty{#1}{}{\\cvIfEmpty{#2}{}{\\par}}#2}\n"
      "% a time span under a date range (2 years 3 months), in the sections the style lists\n"
      "\\newcommand{\\cvTimeSpan}[1]{\\par #1}\n"
      "\\newcommand{\\cvLine}[1]{{\\leftskip=\\cvMainLeft" +
      (meta.rtl ? " plus 1fil" : "") + "\\rightskip=" + (left ? "\\cvMainRight" : "0pt") +
      (meta.rtl ? "" : " plus 1fil") +
      "\\relax\\noindent\\cvBesideDates#1\\par}\\cvKeep}\n"
      "\\newcommand{\\cvSummary}[1]{\\cvLine{#1}}\n"
      "\\newcommand{\\cvTag}[1]{\\textbf{" +
      std::string(meta.rtl ? "\\cvUnit{{[}#1{]}}" : "{[}#1{]}") +
      "}}\n"
      "\\newcommand{\\cvIn}{" +
      std::string(meta.english ? " in " : ", ") +
      "}\n"
      "\\newlist{cvHighlights}{itemize}{2}\n" +
      (meta.rtl ? rtl_highlights(bullet, nested_bullet) : ltr_highlights(bullet, nested_bullet)) +
      "% \\cvEducation{institution}{degree}{area}{dates}{location}\n"
      "\\newcommand{\\cvEducation}[5]{\\cvEntryStart\\cvRow{\\textbf{#1}\\cvIfEmpty{#2#3}{}{"
      "\\cvRowPar "
      "#2\\cvIfEmpty{#2}{}{\\cvIfEmpty{#3}{}{\\cvIn}}#3}}{\\cvWhenWhere{#4}{#5}}}\n"
      "% \\cvExperience{position}{company}{dates}{location}\n"
      "\\newcommand{\\cvExperience}[4]{\\cvEntryStart\\cvRow{\\textbf{#1}\\cvIfEmpty{#2}{}{"
      "\\cvRowPar "
      "#2}}{\\cvWhenWhere{#3}{#4}}}\n"
      "% \\cvTemplated{main rows}{date column}: an entry head from RenderCV templates\n"
      "\\newcommand{\\cvTemplated}[2]{\\cvEntryStart\\cvRow{#1}{#2}}\n"
      "% \\cvDegreeColumn{degree}{rows}: RenderCV's degree column beside the main column,\n"
      "% \\cvDegreeWidth wide (a section with longer degree words sets it wider)\n"
      "\\newlength{\\cvDegreeWidth}\\setlength{\\cvDegreeWidth}{" +
      bp(s.rendercv.degree_width) +
      "}\n"
      "\\newcommand{\\cvDegreeColumn}[2]{\\begin{minipage}[t]{\\cvDegreeWidth}"
      "\\raggedright\\hyphenpenalty=10000 #1\\strut"
      "\\end{minipage}\\hspace{" +
      bp(s.rendercv.column_gap) + "}\\begin{minipage}[t]{\\dimexpr\\linewidth-\\cvDegreeWidth-" +
      bp(s.rendercv.column_gap) +
      "\\relax}#2\\strut\\end{minipage}}\n"
      "% \\cvNormal{name}{dates}{location}\n"
      "\\newcommand{\\cvNormal}[3]{\\cvEntryStart\\cvRow{\\textbf{#1}}{\\cvWhenWhere{#2}{#3}}}\n" +
      (meta.rtl ? rtl_label_lists() : ltr_label_lists()) +
      "% \\cvPublication{label}{title}{date}, then its detail lines\n"
      "\\newcommand{\\cvPublication}[3]{\\cvPayHang\\item[{#1}]\\cvRow{\\textbf{#2}}{#3}}\n"
      "\\newcommand{\\cvAuthors}[1]{\\cvLine{#1}}\n"
      "\\newcommand{\\cvAuthor}[1]{#1}\n"
      "\\newcommand{\\cvOwner}[1]{\\textbf{#1}}\n"
      "\\newcommand{\\cvCoFirst}{\\textsuperscript{*}}\n"
      "\\newcommand{\\cvCorresponding}{\\textsuperscript{\\textdagger}}\n"
      "\\newcommand{\\cvMarksLegend}[1]{\\cvPayHang\\nobreak\\vspace{\\cvEntrySpace}{"
      "\\footnotesize #1\\par}}\n"
      "% \\cvVenue{short tag}{venue}, \\cvStatusNote{status}{note}\n"
      "\\newcommand{\\cvVenue}[2]{\\cvLine{\\cvIfEmpty{#1}{}{\\cvTag{#1} }\\textit{#2}}}\n"
      "\\newcommand{\\cvAward}[1]{\\cvLine{" +
      std::string(meta.rtl ? "\\cvUnit{\\textbf{\\color{cvPrimary}#1}}"
                           : "\\textbf{\\color{cvPrimary}#1}") +
      "}}\n"
      "\\newcommand{\\cvStatusNote}[2]{\\cvLine{\\textit{#1\\cvIfEmpty{#1}{}{\\cvIfEmpty{#2}{}{. }}"
      "#2}}}\n"
      "\\newcommand{\\cvDoi}[2]{\\cvLine{" +
      std::string(meta.rtl ? "\\cvDirL{}" : "") +
      "DOI: \\href{#1}{\\cvLinkText{#2}}}}\n"
      "\\newcommand{\\cvUrl}[2]{\\cvLine{\\href{#1}{\\cvLinkText{#2}}}}\n"
      "% \\cvTalk{title}, then \\cvEvent{name}{location}{host}{date, time} items in cvEvents\n"
      "\\newcommand{\\cvTalk}[1]{\\cvEntryStart\\cvLine{\\textbf{#1}}}\n"
      "\\newlist{cvEvents}{itemize}{1}\n"
      "\\setlist[cvEvents]{" +
      list_label(nested_bullet, meta.rtl) +
      ",topsep=1bp,partopsep=0pt,itemsep=0pt,parsep=0pt,\n"
      "  beginpenalty=\\cvKeepPenalty,midpenalty=\\cvKeepPenalty,endpenalty=0}\n"
      "\\newcommand{\\cvEvent}[4]{\\cvPayHang\\item\\cvRow{#1\\cvIfEmpty{#2}{}{, "
      "#2}\\cvIfEmpty{#3}{}{ " +
      open_paren + "host: #3" + close_paren +
      "}}{#4}}\n"
      "% \\cvService{short tag}{event}{role}{dates}{location}\n"
      "\\newcommand{\\cvService}[5]{\\cvEntryStart\\cvRow{\\cvIfEmpty{#1}{}{\\cvTag{#1} }#2"
      "\\cvIfEmpty{#3}{}{ \\textemdash{} \\textit{#3}}}{\\cvWhenWhere{#4}{#5}}}\n"
      "% \\cvPatent{title}{number}{status}{date}, then \\cvAuthors{inventors}\n"
      "\\newcommand{\\cvPatent}[4]{\\cvEntryStart\\cvRow{\\textbf{#1}\\cvRowPar "
      "#2\\cvIfEmpty{#3}{}{ " +
      open_paren + "\\textit{#3}" + close_paren +
      "}}{#4}}\n"
      "% \\cvOneLine{label}{details}\n"
      "\\newcommand{\\cvOneLine}[2]{\\cvPayHang\\addvspace{2bp}\\noindent\\textbf{#1:} #2\\par}\n"
      "% \\cvOneLineRow{row}: a one-line entry from a RenderCV template\n"
      "\\newcommand{\\cvOneLineRow}[1]{\\cvPayHang\\addvspace{2bp}\\noindent #1\\par}\n"
      "% Bullet entries, numbered entries and text paragraphs\n"
      "\\newlist{cvBullets}{itemize}{1}\n"
      "\\setlist[cvBullets]{" +
      list_label(bullet, meta.rtl) + ",topsep=2bp,partopsep=0pt,itemsep=1bp,parsep=0pt}\n" +
      (meta.rtl ? "\\newcommand{\\cvBullet}[1]{\\item\\cvRightAligned #1}\n"
                  "\\newcommand{\\cvNumbered}[2]{\\item[{#1}]\\cvRightAligned #2}\n"
                : "\\newcommand{\\cvBullet}[1]{\\item #1}\n"
                  "\\newcommand{\\cvNumbered}[2]{\\item[{#1}]#2}\n") +
      "\\newcommand{\\cvText}[1]{\\cvPayHang\\addvspace{\\cvEntrySpace}\\noindent#1\\par}\n";
  return p;
}

} // namespace cvpress::detail::latex
