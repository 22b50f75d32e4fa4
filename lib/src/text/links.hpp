#pragma once
// Links shared by the backends: how contact items, social network accounts and
// DOIs become URLs and display text, so the PDF and LaTeX outputs agree.
#include <cvpress/model.hpp>

#include <string>
#include <string_view>

namespace cvpress::detail {

/// Percent-encodes every byte except ASCII letters, digits and `-._~@+`.
std::string percent_encode(std::string_view text);

/// A web address for display: without its scheme, "www." and trailing
/// slashes ("https://www.example.org/" -> "example.org").
std::string display_url(std::string_view url);

/// What a contact item shows and where it links.
struct SocialLink {
  std::string text; ///< e.g. "github.com/jdoe", "Google Scholar"
  std::string url;  ///< profile URL; "" when the network is unknown
};

/// Display text and profile URL of a social network account (LinkedIn,
/// GitHub, GitLab, ORCID, Google Scholar, Mastodon, X, ...); an unknown
/// network shows as "Network: username" without a link.
SocialLink social_link(const SocialNetwork& account);

/// `tel:` URI of a phone number: its digits, with a leading '+' kept.
std::string tel_uri(std::string_view phone);

/// `https://doi.org/` URL of a DOI, with URL-special characters encoded.
std::string doi_url(std::string_view doi);

} // namespace cvpress::detail

namespace cvpress::detail {

/// The link schemes a CV may use, for messages: "http, https, mailto, tel or ftp".
inline constexpr std::string_view kAllowedLinkSchemes = "http, https, mailto, tel or ftp";

/// Where a link written in a CV may point, shared by every backend: the URL
/// itself when its scheme is http, https, mailto, tel or ftp (any case), a
/// bare host name such as "example.org/x" with "https://" in front, and ""
/// for anything else (`javascript:`, `data:`, `file:`, relative or absolute
/// paths, "//host", text with spaces or control characters), which is then
/// drawn as plain text.
[[nodiscard]] std::string link_target(std::string_view url);

} // namespace cvpress::detail
