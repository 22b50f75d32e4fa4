#pragma once
// A small persistent cache of fontconfig lookups (family + variant → file,
// face index, synthetic flags), so a warm process never calls FcInit. Valid
// only while fontconfig's inputs are unchanged: the file records the mtime
// of every config file, config/font/cache directory and resolved font file,
// the fontconfig version and the environment variables fontconfig reads; any
// difference (a font install, an fc-cache run, an edited fonts.conf) makes
// it stale. A missing, unreadable, stale or corrupt file is ignored, never an
// error. Lives in $XDG_CACHE_HOME/cvpress (or ~/.cache/cvpress), written
// atomically (temporary file + rename). CVPRESS_FONT_CACHE=0 disables it.
// Internal to fonts/.
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace cvpress::detail {

/// What fontconfig resolved for one family/variant.
struct CachedFace {
  bool found = false;          ///< false: no usable face (not installed, or no glyf/CFF outlines)
  std::string path;            ///< font file
  int index = 0;               ///< face index in a collection
  bool synthetic_bold = false; ///< bold asked for, the face is not bold
  bool synthetic_italic = false;
};

/// The persistent lookup cache. Not thread-safe: FontCatalog serialises use.
class FontCache {
public:
  /// Family, bold, italic.
  using Key = std::tuple<std::string, bool, bool>;

  /// Reads and validates the cache file (unless disabled). Cheap: a few
  /// dozen stat() calls, no fontconfig.
  FontCache();
  /// False when CVPRESS_FONT_CACHE=0 or no cache directory is known.
  bool enabled() const { return !file_.empty(); }
  /// The cached lookup, or nullopt when unknown (or the cache is stale).
  std::optional<CachedFace> get(const Key& key) const;
  /// Records a lookup and rewrites the file. `stamp_paths` lists fontconfig's
  /// inputs (called only when the loaded cache was stale or absent, i.e.
  /// after FcInit). Write failures are ignored.
  void put(const Key& key, const CachedFace& face, const std::vector<std::string>& stamp_paths);
  /// True when the cache file was valid when read (so fontconfig's inputs are
  /// recorded and `put` needs no fresh stamp).
  bool stamped() const { return stamped_; }
  /// The cache file path ("" when disabled).
  const std::string& file() const { return file_; }

private:
  std::string file_;
  bool stamped_ = false;
  std::map<std::string, std::string> stamps_; // path → "mtime size" ("-" when absent)
  std::map<Key, CachedFace> faces_;
  void write() const;
};

/// fontconfig's inputs to stamp the cache with: config files and their
/// directories, configured/font/cache directories. Requires FcInit.
std::vector<std::string> fontconfig_inputs();

} // namespace cvpress::detail
