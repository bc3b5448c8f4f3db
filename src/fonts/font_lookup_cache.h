// Font lookups kept between runs: fontconfig's walk over every installed
// font costs more than laying out a page, and its answer changes only when
// fonts are installed, removed or replaced. Each entry records the state of
// the font folders it was found in (FontFoldersSignature) and the stamp of
// the font file; it is used only while both are unchanged. The store's text
// carries a checksum: a damaged store is ignored as a whole and rebuilt.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "base/filesystem.h"
#include "fonts/font_locator.h"

namespace brief {

// The state of the folders a lookup depends on, as a SHA-256 hex of the
// stamps of /usr/share/fonts, /usr/local/share/fonts, the XDG data fonts
// folder and ~/.fonts with every folder under them, of fontconfig's cache
// folders, and of `fonts_dir` and each file in it. Installing, removing or
// replacing a font changes one of them.
std::string FontFoldersSignature(const std::string& fonts_dir);

class FontLookupCache {
 public:
  // The store in `file` ("" : none; nothing is read or written).
  explicit FontLookupCache(std::string file) : file_(std::move(file)) {}

  // The location stored for (name, fonts_dir), if the folders and the font
  // file are as they were when it was found.
  bool Find(const std::string& name, const std::string& fonts_dir, FontLocation* found);

  // Records a location just found; Save writes it.
  void Put(const std::string& name, const std::string& fonts_dir, const FontLocation& where);

  // Saves what Put recorded, merged with the store as it is on disk now,
  // atomically (a store that cannot be written costs only speed). Two runs
  // saving at the same moment can each miss the other's new entries; they
  // are found again, and stored, by a later run.
  void Save();

 private:
  struct Entry {
    std::string signature;
    FileStamp stamp;
    FontLocation where;
  };
  using Key = std::pair<std::string, std::string>;  // name, fonts_dir.
  const std::string& Signature(const std::string& fonts_dir);
  std::map<Key, Entry> ReadStore() const;

  std::string file_;
  bool read_ = false;
  std::map<Key, Entry> entries_;
  std::map<Key, Entry> added_;
  std::map<std::string, std::string> signatures_;  // fonts_dir → signature, this process.
};

}  // namespace brief
