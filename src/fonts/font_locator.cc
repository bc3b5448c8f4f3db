#include "fonts/font_locator.h"

#include "fonts/font_lookup_cache.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <vector>

namespace brief {

namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string GetString(FcPattern* p, const char* object) {
  FcChar8* value = nullptr;
  if (FcPatternGetString(p, object, 0, &value) != FcResultMatch || !value) return "";
  return reinterpret_cast<const char*>(value);
}

// True when the font `candidate` has the family (and style, when the
// request names one) that `request` asks for.
bool Matches(FcPattern* request, FcPattern* candidate) {
  std::string want_family = Lower(GetString(request, FC_FAMILY));
  bool family_ok = false;
  FcChar8* family = nullptr;
  for (int i = 0; FcPatternGetString(candidate, FC_FAMILY, i, &family) == FcResultMatch; ++i) {
    if (Lower(reinterpret_cast<const char*>(family)) == want_family) family_ok = true;
  }
  if (!family_ok) return false;
  std::string want_style = Lower(GetString(request, FC_STYLE));
  if (want_style.empty()) {
    int weight = 0, slant = 0;
    bool want_bold = FcPatternGetInteger(request, FC_WEIGHT, 0, &weight) == FcResultMatch &&
                     weight >= FC_WEIGHT_BOLD;
    FcPatternGetInteger(candidate, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(candidate, FC_SLANT, 0, &slant);
    return (weight >= FC_WEIGHT_BOLD) == want_bold && slant == FC_SLANT_ROMAN;
  }
  FcChar8* style = nullptr;
  for (int i = 0; FcPatternGetString(candidate, FC_STYLE, i, &style) == FcResultMatch; ++i) {
    if (Lower(reinterpret_cast<const char*>(style)) == want_style) return true;
  }
  return false;
}

bool IsTrueType(FcPattern* p) { return GetString(p, FC_FONTFORMAT) == "TrueType"; }

int GetIndex(FcPattern* p) {
  int index = 0;
  FcPatternGetInteger(p, FC_INDEX, 0, &index);
  return index;
}

// The system's fonts as fontconfig's caches know them. Only the font folders
// and caches are configured (not the user's aliases and substitutions, which
// exact family matching does not use): parsing the full configuration costs
// more than the rest of a one-page render.
FcConfig* SystemFonts() {
  static FcConfig* config = [] {
    static const char kConfig[] =
        "<?xml version=\"1.0\"?><fontconfig>"
        "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>"
        "<dir prefix=\"xdg\">fonts</dir><dir>~/.fonts</dir>"
        "<cachedir>/var/cache/fontconfig</cachedir>"
        "<cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
    FcConfig* c = FcConfigCreate();
    if (c && FcConfigParseAndLoadFromMemory(c, reinterpret_cast<const FcChar8*>(kConfig), FcTrue) &&
        FcConfigBuildFonts(c)) {
      return c;
    }
    if (c) FcConfigDestroy(c);
    return FcInitLoadConfigAndFonts();  // The full configuration, then.
  }();
  return config;
}

FontLocation FromFolder(FcPattern* request, const std::string& fonts_dir) {
  std::error_code ec;
  if (fonts_dir.empty() || !fs::is_directory(fonts_dir, ec)) return {};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(fonts_dir, ec)) {
    if (Lower(entry.path().extension().string()) == ".ttf") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    // Every face and named instance in the file.
    FcFontSet* set = FcFontSetCreate();
    FcFreeTypeQueryAll(reinterpret_cast<const FcChar8*>(file.c_str()), -1, nullptr, nullptr, set);
    FontLocation found;
    for (int i = 0; i < set->nfont && found.path.empty(); ++i) {
      if (IsTrueType(set->fonts[i]) && Matches(request, set->fonts[i])) {
        found = {file, GetIndex(set->fonts[i])};
      }
    }
    FcFontSetDestroy(set);
    if (!found.path.empty()) return found;
  }
  return {};
}

// The best TrueType face for `request` among `list`: its family (exact),
// the style asked for, closest to a regular weight and normal width (a
// family may also hold ExtraLight or Condensed faces that match "no
// style"), then by file for a stable choice.
FontLocation FromList(FcPattern* request, const std::vector<FcPattern*>& list) {
  struct Candidate {
    int distance;
    FontLocation location;
  };
  std::vector<Candidate> candidates;
  for (FcPattern* p : list) {
    if (!IsTrueType(p) || !Matches(request, p)) continue;
    int weight = FC_WEIGHT_REGULAR, width = FC_WIDTH_NORMAL, wanted = FC_WEIGHT_REGULAR;
    FcPatternGetInteger(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_WIDTH, 0, &width);
    FcPatternGetInteger(request, FC_WEIGHT, 0, &wanted);
    candidates.push_back({std::abs(weight - wanted) + std::abs(width - FC_WIDTH_NORMAL),
                          {GetString(p, FC_FILE), GetIndex(p)}});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    if (a.location.path != b.location.path) return a.location.path < b.location.path;
    return a.location.index < b.location.index;
  });
  return candidates.empty() ? FontLocation{} : candidates.front().location;
}

}  // namespace

std::vector<FontLocation> LocateFonts(const std::vector<std::string>& names,
                                      const std::string& fonts_dir, std::vector<std::string>* errors,
                                      FontLookupCache* cache) {
  std::vector<FontLocation> found(names.size());
  errors->assign(names.size(), "");
  // fontconfig's global state is not safe to initialise from two threads.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::vector<FcPattern*> requests(names.size(), nullptr);
  // The system's faces of the families asked for, in one walk over the
  // configuration's font set (listing per family walks every installed
  // font each time). Matching families is exact, without fontconfig's
  // substitutions.
  std::vector<std::string> wanted;
  std::vector<int> family_of(names.size(), -1);  // Index into `wanted`.
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (cache && cache->Find(name, fonts_dir, &found[i])) continue;
    std::string extension = name.size() > 4 ? Lower(name.substr(name.size() - 4)) : "";
    if (extension == ".ttf" || extension == ".ttc" || extension == ".otf" || extension == ".otc") {
      // A file of the fonts folder, by name: not a path that could reach
      // any file on the machine. (An .otf is named so that loading it says
      // what it is.)
      std::error_code ec;
      const std::string folder = fonts_dir.empty() ? "." : fonts_dir;
      std::string local = folder + "/" + name;
      if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
        (*errors)[i] = "font file '" + name + "' must be a file name in the fonts folder, not a path";
      } else if (fs::is_regular_file(local, ec)) {
        found[i] = {local, 0};
      } else if (fs::symlink_status(local, ec).type() != fs::file_type::not_found) {
        (*errors)[i] = "font file '" + local + "' is not a readable file (a folder, or a link that leads nowhere)";
      } else {
        (*errors)[i] = "font file '" + name + "' was not found in " + folder;
      }
      continue;
    }
    requests[i] = FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
    if (!requests[i]) {
      (*errors)[i] = "'" + name + "' is not a fontconfig pattern";
      continue;
    }
    found[i] = FromFolder(requests[i], fonts_dir);
    if (found[i].path.empty()) {
      std::string family = Lower(GetString(requests[i], FC_FAMILY));
      auto at = std::find(wanted.begin(), wanted.end(), family);
      family_of[i] = static_cast<int>(at - wanted.begin());
      if (at == wanted.end()) wanted.push_back(family);
    }
  }
  // Families are compared by a case-folded hash first: the walk sees
  // every family name of every installed font.
  auto folded_hash = [](const char* text) {
    uint64_t h = 1469598103934665603ULL;
    for (const char* c = text; *c; ++c) {
      h = (h ^ static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(*c)))) * 1099511628211ULL;
    }
    return h;
  };
  std::vector<uint64_t> wanted_hashes;
  for (const std::string& w : wanted) wanted_hashes.push_back(folded_hash(w.c_str()));
  std::vector<std::vector<FcPattern*>> faces(wanted.size());  // The faces of each family.
  FcConfig* config = wanted.empty() ? nullptr : SystemFonts();
  if (FcFontSet* all = config ? FcConfigGetFonts(config, FcSetSystem) : nullptr) {
    for (int f = 0; f < all->nfont; ++f) {
      FcChar8* family = nullptr;
      for (int k = 0; FcPatternGetString(all->fonts[f], FC_FAMILY, k, &family) == FcResultMatch; ++k) {
        uint64_t h = folded_hash(reinterpret_cast<const char*>(family));
        for (size_t w = 0; w < wanted.size(); ++w) {
          if (h == wanted_hashes[w] &&
              FcStrCmpIgnoreCase(family, reinterpret_cast<const FcChar8*>(wanted[w].c_str())) == 0 &&
              (faces[w].empty() || faces[w].back() != all->fonts[f])) {
            faces[w].push_back(all->fonts[f]);
          }
        }
      }
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (!requests[i]) continue;
    if (found[i].path.empty() && family_of[i] >= 0) {
      found[i] = FromList(requests[i], faces[static_cast<size_t>(family_of[i])]);
    }
    if (found[i].path.empty()) {
      (*errors)[i] = "font '" + names[i] + "' is not installed and not in " +
                     (fonts_dir.empty() ? "the fonts folder" : fonts_dir + "/");
    } else if (cache) {
      cache->Put(names[i], fonts_dir, found[i]);
    }
    FcPatternDestroy(requests[i]);
  }
  if (cache) cache->Save();
  return found;
}

FontLocation LocateFont(const std::string& name, const std::string& fonts_dir, std::string* error,
                        FontLookupCache* cache) {
  std::vector<std::string> errors;
  FontLocation found = LocateFonts({name}, fonts_dir, &errors, cache).front();
  if (found.path.empty()) *error = errors.front();
  return found;
}

}  // namespace brief
