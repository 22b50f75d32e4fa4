// Hyphenation with libhyphen (see hyphenate.hpp).
#include "text/hyphenate.hpp"

#include "text/locale_format.hpp"

#include <hyphen.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

namespace cvpress::detail {

struct Hyphenator::Dict {
  HyphenDict* d = nullptr;
  ~Dict() {
    if (d)
      hnj_hyphen_free(d);
  }
};

Hyphenator::Hyphenator(std::unique_ptr<Dict> dict, std::string file)
    : dict_(std::move(dict)), file_(std::move(file)) {}

Hyphenator::~Hyphenator() = default;

namespace {

// The dictionary file for a language tag: hyph_<lang>_<REGION>.dic, then
// hyph_<lang>.dic, then the first hyph_<lang>_*.dic (sorted); "" if none.
std::string dictionary_file(const std::string& tag, const std::string& dir) {
  namespace fs = std::filesystem;
  std::string lang = tag.substr(0, tag.find('-'));
  std::transform(lang.begin(), lang.end(), lang.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lang.empty())
    return "";
  std::string region;
  for (std::size_t p = tag.find('-'); p != std::string::npos; p = tag.find('-', p + 1)) {
    const std::string part = tag.substr(p + 1, tag.find('-', p + 1) - p - 1);
    if (part.size() == 2)
      region = part;
  }
  std::transform(region.begin(), region.end(), region.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::vector<std::string> tries;
  if (!region.empty())
    tries.push_back("hyph_" + lang + "_" + region + ".dic");
  tries.push_back("hyph_" + lang + ".dic");
  std::error_code ec;
  for (const auto& t : tries)
    if (fs::is_regular_file(fs::path(dir) / t, ec))
      return (fs::path(dir) / t).string();
  std::vector<std::string> found;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("hyph_" + lang + "_", 0) == 0 && name.size() > 4 &&
        name.compare(name.size() - 4, 4, ".dic") == 0 && it->is_regular_file(ec))
      found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.front();
}

} // namespace

std::shared_ptr<const Hyphenator> Hyphenator::for_language(const std::string& language,
                                                           const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, std::shared_ptr<const Hyphenator>> cache;
  const std::string tag = resolve_language(language);
  const std::lock_guard lock(mutex);
  auto key = std::make_pair(tag, dir);
  if (auto it = cache.find(key); it != cache.end())
    return it->second;
  std::shared_ptr<const Hyphenator> h;
  const std::string file = dictionary_file(tag.empty() ? "en" : tag, dir);
  if (!file.empty()) {
    auto dict = std::make_unique<Dict>();
    dict->d = hnj_hyphen_load(file.c_str());
    if (dict->d)
      h.reset(new Hyphenator(std::move(dict), file));
  }
  cache.emplace(std::move(key), h);
  return h;
}

void Hyphenator::points(std::string_view word, std::vector<std::size_t>& out, std::size_t left,
                        std::size_t right) const {
  out.clear();
  // libhyphen wants the lower-case word; hyphens[i] odd: a hyphen after byte i.
  std::string lower;
  std::vector<std::size_t> char_end; // byte end of each code point in `lower`
  const auto* s = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto len = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0)
      return;
    c = u_tolower(c);
    if (dict_->d->utf8) {
      char buf[4];
      std::int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, c);
      lower.append(buf, static_cast<std::size_t>(n));
    } else if (c <= 0xFF) {
      lower += static_cast<char>(c); // ISO 8859-1 dictionaries (hyphen-de)
    } else {
      return;
    }
    char_end.push_back(lower.size());
  }
  const std::size_t chars = char_end.size();
  if (chars < left + right || lower.size() > 200)
    return;
  std::vector<char> hyphens(lower.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  if (hnj_hyphen_hyphenate2(dict_->d, lower.data(), static_cast<int>(lower.size()), hyphens.data(),
                            nullptr, &rep, &pos, &cut) == 0) {
    for (std::size_t k = left; k + right <= chars; ++k) {
      const std::size_t b = char_end[k - 1] - 1; // last byte before code point k
      // Non-standard points (German "Schiff-fahrt" spellings) change letters: skipped.
      if ((hyphens[b] & 1) && !(rep && rep[b]))
        out.push_back(k);
    }
  }
  if (rep) {
    for (std::size_t i = 0; i < lower.size(); ++i)
      std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
}

} // namespace cvpress::detail
