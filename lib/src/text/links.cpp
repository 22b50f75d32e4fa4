#include "text/links.hpp"

#include <cctype>

namespace cvpress::detail {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

std::string ascii_lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

std::string percent_encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
        c == '~' || c == '@' || c == '+') {
      out += c;
    } else {
      const auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

std::string display_url(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"})
    if (url.starts_with(scheme))
      url.remove_prefix(scheme.size());
  if (url.starts_with("www."))
    url.remove_prefix(4);
  while (url.ends_with('/'))
    url.remove_suffix(1);
  return std::string(url);
}

SocialLink social_link(const SocialNetwork& sn) {
  const std::string net = ascii_lower(sn.network);
  const std::string& u = sn.username;
  struct Site {
    std::string_view network, prefix;
  };
  static constexpr Site sites[] = {
      {"linkedin", "https://linkedin.com/in/"},
      {"github", "https://github.com/"},
      {"gitlab", "https://gitlab.com/"},
      {"instagram", "https://instagram.com/"},
      {"orcid", "https://orcid.org/"},
      {"stackoverflow", "https://stackoverflow.com/users/"},
      {"researchgate", "https://researchgate.net/profile/"},
      {"youtube", "https://youtube.com/@"},
      {"telegram", "https://t.me/"},
      {"x", "https://x.com/"},
      {"twitter", "https://twitter.com/"},
      {"leetcode", "https://leetcode.com/u/"},
      {"imdb", "https://imdb.com/name/"},
      {"bluesky", "https://bsky.app/profile/"},
      {"reddit", "https://reddit.com/user/"},
  };
  if (net == "google scholar")
    return {"Google Scholar", "https://scholar.google.com/citations?user=" + percent_encode(u)};
  if (net == "whatsapp") // the number with its country code, as RenderCV writes it
    return {u, "https://wa.me/" + percent_encode(u)};
  if (net == "mastodon") {
    // @user@host -> https://host/@user
    const std::string name = u.starts_with('@') ? u.substr(1) : u;
    const auto at = name.find('@');
    if (at == std::string::npos)
      return {u, ""};
    return {u, "https://" + percent_encode(name.substr(at + 1)) + "/@" +
                   percent_encode(name.substr(0, at))};
  }
  for (const auto& site : sites)
    if (net == site.network)
      return {display_url(std::string(site.prefix) + u),
              std::string(site.prefix) + percent_encode(u)};
  return {sn.network + ": " + u, ""};
}

std::string tel_uri(std::string_view phone) {
  std::string out = "tel:";
  for (const char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4))
      out += c;
  return out;
}

std::string doi_url(std::string_view doi) {
  std::string out = "https://doi.org/";
  for (const char c : doi) {
    if (c == '/' || c == ':' || c == ';' || c == '(' || c == ')')
      out += c;
    else
      out += percent_encode(std::string_view(&c, 1));
  }
  return out;
}

} // namespace cvpress::detail

namespace cvpress::detail {

std::string link_target(std::string_view url) {
  if (url.empty())
    return {};
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7F || c == '\\')
      return {}; // "java\nscript:", spaces and backslashes hide schemes
  // A scheme is letters, digits, '+', '-', '.' before the first ':', and
  // before any '/', '?' or '#'.
  const std::size_t colon = url.find(':');
  const std::size_t stop = url.find_first_of("/?#");
  if (colon != std::string_view::npos && (stop == std::string_view::npos || colon < stop)) {
    std::string scheme;
    for (char c : url.substr(0, colon))
      scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view ok : {"http", "https", "mailto", "tel", "ftp"})
      if (scheme == ok)
        return scheme + std::string(url.substr(colon));
    // "example.org:8080/x" is a host with a port, not a scheme.
    const bool host_port = scheme.find('.') != std::string::npos && colon + 1 < url.size() &&
                           url[colon + 1] >= '0' && url[colon + 1] <= '9';
    if (!host_port)
      return {};
  }
  // No scheme: only a host name ("www.example.org/page") becomes https.
  const std::string_view host = url.substr(0, std::min(stop, colon));
  const auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (host.empty() || !alnum(host.front()) || host.find('.') == std::string_view::npos ||
      host.find("..") != std::string_view::npos)
    return {};
  for (char c : host)
    if (!alnum(c) && c != '.' && c != '-' && static_cast<unsigned char>(c) < 0x80)
      return {};
  return "https://" + std::string(url);
}

} // namespace cvpress::detail
