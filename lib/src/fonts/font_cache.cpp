// FontCache: fontconfig lookups persisted across processes, stamped with
// the mtimes of fontconfig's inputs (see font_cache.hpp).
#include "fonts/font_cache.hpp"

#include <fontconfig/fontconfig.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace cvpress::detail {

namespace {

constexpr const char* kMagic = "cvpress-font-cache 1";

// "mtime_ns size" of `path`, or "-" when it does not exist.
std::string stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return "-";
  const long long ns =
      static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  return std::to_string(ns) + " " + std::to_string(static_cast<long long>(st.st_size)) + " " +
         std::to_string(static_cast<unsigned long long>(st.st_ino));
}

// The environment fontconfig (and our own file location) depends on.
std::string environment_line() {
  std::string out = "env fc=" + std::to_string(FcGetVersion());
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
                           "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
    const char* v = std::getenv(name);
    out += '\t';
    out += name;
    out += '=';
    out += v ? v : "";
  }
  return out;
}

bool usable_field(const std::string& s) { return s.find_first_of("\t\n\r") == std::string::npos; }

std::string cache_file() {
  if (const char* off = std::getenv("CVPRESS_FONT_CACHE"); off && std::string(off) == "0")
    return {};
  std::string dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/')
    dir = xdg;
  else if (const char* home = std::getenv("HOME"); home && home[0] == '/')
    dir = std::string(home) + "/.cache";
  else
    return {};
  return dir + "/cvpress/fonts-v2.cache";
}

void add_list(std::vector<std::string>& out, FcStrList* list) {
  if (!list)
    return;
  while (FcChar8* s = FcStrListNext(list))
    out.emplace_back(reinterpret_cast<const char*>(s));
  FcStrListDone(list);
}

} // namespace

std::vector<std::string> fontconfig_inputs() {
  std::vector<std::string> out;
  add_list(out, FcConfigGetConfigFiles(nullptr));
  const std::size_t config_files = out.size();
  for (std::size_t i = 0; i < config_files; ++i) // a new file in conf.d changes its directory
    out.push_back(std::filesystem::path(out[i]).parent_path().string());
  add_list(out, FcConfigGetConfigDirs(nullptr));
  add_list(out, FcConfigGetFontDirs(nullptr));
  add_list(out, FcConfigGetCacheDirs(nullptr));
  return out;
}

FontCache::FontCache() : file_(cache_file()) {
  if (file_.empty())
    return;
  std::ifstream in(file_, std::ios::binary);
  if (!in)
    return;
  std::string line;
  if (!std::getline(in, line) || line != kMagic)
    return;
  if (!std::getline(in, line) || line != environment_line())
    return;
  std::map<std::string, std::string> stamps;
  std::map<Key, CachedFace> faces;
  bool complete = false;
  while (std::getline(in, line)) {
    if (line == "end") {
      complete = true;
      break;
    }
    // Tab-separated fields; the last one (a path) takes the rest of the line.
    std::string_view rest(line);
    const auto next = [&rest](std::string& out, bool last = false) {
      if (rest.data() == nullptr)
        return false;
      const std::size_t tab = last ? std::string_view::npos : rest.find('\t');
      out.assign(rest.substr(0, tab));
      rest = tab == std::string_view::npos ? std::string_view() : rest.substr(tab + 1);
      return true;
    };
    std::string kind;
    next(kind);
    if (kind == "stat") {
      std::string stamp, path;
      if (!next(stamp) || !next(path, true) || path.empty())
        return;
      if (stamp_of(path) != stamp)
        return; // fontconfig's inputs changed: stale
      stamps.emplace(path, stamp);
    } else if (kind == "face") {
      std::string flags, index, family, path;
      if (!next(flags) || flags.size() != 5 || !next(index) || !next(family))
        return;
      next(path, true);
      for (char c : flags)
        if (c != '0' && c != '1')
          return;
      CachedFace f;
      f.found = flags[2] == '1';
      f.synthetic_bold = flags[3] == '1';
      f.synthetic_italic = flags[4] == '1';
      f.path = path;
      try {
        f.index = std::stoi(index);
      } catch (...) {
        return;
      }
      if (f.found && (path.empty() || !stamps.count(path)))
        return; // every face's file is stamped before it
      faces[Key{family, flags[0] == '1', flags[1] == '1'}] = std::move(f);
    } else {
      return;
    }
  }
  if (!complete || stamps.empty())
    return; // truncated
  stamps_ = std::move(stamps);
  faces_ = std::move(faces);
  stamped_ = true;
}

std::optional<CachedFace> FontCache::get(const Key& key) const {
  if (!stamped_)
    return std::nullopt;
  auto it = faces_.find(key);
  if (it == faces_.end())
    return std::nullopt;
  return it->second;
}

void FontCache::put(const Key& key, const CachedFace& face,
                    const std::vector<std::string>& stamp_paths) {
  if (file_.empty() || !usable_field(std::get<0>(key)) || !usable_field(face.path))
    return;
  if (!stamped_) {
    stamps_.clear();
    faces_.clear();
    for (const std::string& p : stamp_paths)
      if (usable_field(p))
        stamps_[p] = stamp_of(p);
    stamped_ = true;
  }
  if (face.found && !stamps_.count(face.path))
    stamps_[face.path] = stamp_of(face.path);
  faces_[key] = face;
  write();
}

void FontCache::write() const {
  std::string text = std::string(kMagic) + "\n" + environment_line() + "\n";
  for (const auto& [path, stamp] : stamps_)
    text += "stat\t" + stamp + "\t" + path + "\n";
  for (const auto& [key, f] : faces_) {
    text += "face\t";
    for (bool b :
         {std::get<1>(key), std::get<2>(key), f.found, f.synthetic_bold, f.synthetic_italic})
      text += b ? '1' : '0';
    text += "\t" + std::to_string(f.index) + "\t" + std::get<0>(key) + "\t" + f.path + "\n";
  }
  text += "end\n";

  std::error_code ec;
  const std::filesystem::path target(file_);
  std::filesystem::create_directories(target.parent_path(), ec);
  static std::atomic<unsigned> counter{0};
  const std::string tmp =
      file_ + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f)
    return;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok || std::rename(tmp.c_str(), file_.c_str()) != 0)
    std::remove(tmp.c_str());
}

} // namespace cvpress::detail
