#include "fonts/font_locator.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
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

}  // namespace

FontLocation LocateFont(const std::string& name, const std::string& fonts_dir, std::string* error) {
  if (name.size() > 4 && Lower(name.substr(name.size() - 4)) == ".ttf") {
    std::error_code ec;
    std::string local = fonts_dir.empty() ? name : fonts_dir + "/" + name;
    if (fs::is_regular_file(local, ec)) return {local, 0};
    if (fs::is_regular_file(name, ec)) return {name, 0};
    *error = "font file '" + name + "' was not found in " + (fonts_dir.empty() ? "." : fonts_dir);
    return {};
  }
  // fontconfig's global state is not safe to initialise from two threads.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  FcPattern* request = FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
  if (!request) {
    *error = "'" + name + "' is not a fontconfig pattern";
    return {};
  }
  FontLocation found = FromFolder(request, fonts_dir);
  if (found.path.empty()) {
    if (FcConfig* config = SystemFonts()) {
      // Every face of the family, in a stable order; the first TrueType one
      // with the style asked for wins. Listing by family is exact matching,
      // without fontconfig's substitutions.
      FcPattern* family = FcPatternCreate();
      FcPatternAddString(family, FC_FAMILY,
                         reinterpret_cast<const FcChar8*>(GetString(request, FC_FAMILY).c_str()));
      FcObjectSet* objects = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_STYLE, FC_WEIGHT,
                                              FC_WIDTH, FC_SLANT, FC_FONTFORMAT, nullptr);
      FcFontSet* list = FcFontList(config, family, objects);
      // Closest to a regular weight and normal width first (a family may
      // also hold ExtraLight or Condensed faces that match "no style"),
      // then by file for a stable choice.
      struct Candidate {
        int distance;
        FontLocation location;
      };
      std::vector<Candidate> candidates;
      for (int i = 0; list && i < list->nfont; ++i) {
        FcPattern* p = list->fonts[i];
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
      if (!candidates.empty()) found = candidates.front().location;
      if (list) FcFontSetDestroy(list);
      FcObjectSetDestroy(objects);
      FcPatternDestroy(family);
    }
  }
  FcPatternDestroy(request);
  if (found.path.empty()) {
    *error = "font '" + name + "' is not installed and not in " +
             (fonts_dir.empty() ? "the fonts folder" : fonts_dir + "/");
  }
  return found;
}

}  // namespace brief
