// Font Awesome names -> code points (the generated table icon_names.inc)
// and RenderCV's icons for connections and social networks.
#include "fonts/icons.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace cvpress::detail {

namespace {

struct Named {
  std::string_view name;
  char32_t cp;
};

constexpr Named kIcons[] = {
#include "fonts/icon_names.inc"
};

constexpr bool sorted() {
  for (std::size_t i = 1; i < std::size(kIcons); ++i)
    if (!(kIcons[i - 1].name < kIcons[i].name))
      return false;
  return true;
}
static_assert(sorted(), "icon_names.inc must be sorted by name");

constexpr auto kNames = [] {
  std::array<std::string_view, std::size(kIcons)> a{};
  for (std::size_t i = 0; i < a.size(); ++i)
    a[i] = kIcons[i].name;
  return a;
}();

// RenderCV 2.x's connection icons (renderer/templater/connections.py).
constexpr std::pair<std::string_view, std::string_view> kConnectionIcons[] = {
    {"location", "location-dot"},
    {"email", "envelope"},
    {"phone", "phone"},
    {"website", "link"},
    {"LinkedIn", "linkedin"},
    {"GitHub", "github"},
    {"GitLab", "gitlab"},
    {"IMDB", "imdb"},
    {"Instagram", "instagram"},
    {"Mastodon", "mastodon"},
    {"ORCID", "orcid"},
    {"StackOverflow", "stack-overflow"},
    {"ResearchGate", "researchgate"},
    {"YouTube", "youtube"},
    {"Google Scholar", "graduation-cap"},
    {"Telegram", "telegram"},
    {"WhatsApp", "whatsapp"},
    {"Leetcode", "code"},
    {"X", "x-twitter"},
    {"Twitter", "twitter"}, // RenderCV 1.x
    {"Bluesky", "bluesky"},
    {"Reddit", "reddit"},
};

} // namespace

char32_t icon_code_point(std::string_view name) {
  if (name.starts_with("fa-"))
    name.remove_prefix(3);
  const auto* it = std::lower_bound(std::begin(kIcons), std::end(kIcons), name,
                                    [](const Named& n, std::string_view k) { return n.name < k; });
  return it != std::end(kIcons) && it->name == name ? it->cp : 0;
}

std::span<const std::string_view> icon_names() { return kNames; }

std::string_view connection_icon_name(std::string_view kind) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (const auto& [k, icon] : kConnectionIcons) // networks match in any case, as links do
    if (std::equal(k.begin(), k.end(), kind.begin(), kind.end(),
                   [&](char a, char b) { return lower(a) == lower(b); }))
      return icon;
  return {};
}

const FontFace* icon_face() { return FontCatalog::shared().find(kIconFamily); }

IconGlyph icon_glyph(std::string_view name) {
  const char32_t cp = icon_code_point(name);
  if (cp == 0)
    return {};
  const FontFace* face = icon_face();
  if (!face || !has_glyph(*face, cp))
    return {};
  return {face, cp};
}

} // namespace cvpress::detail
