// Finds font files: the project's fonts/ folder first, then the system's
// fonts through fontconfig.
#pragma once

#include <string>
#include <vector>

namespace brief {

class FontLookupCache;

// A font file and the face in it: fontconfig's index, whose low 16 bits are
// the face in a collection and whose high bits are 1 + the named instance of
// a variable font (0: the default instance).
struct FontLocation {
  std::string path;
  int index = 0;
};

// Resolves a template's font name to a TrueType file, or path "" with *error set.
//  - "Name.ttf" (any name ending in .ttf): fonts_dir/Name.ttf; a path is refused.
//  - otherwise a fontconfig pattern such as "DejaVu Sans:style=Bold": a font
//    in fonts_dir whose family and style match, else the system's best match,
//    accepted only if its family is the one asked for (fontconfig would
//    otherwise silently substitute another family). OpenType/CFF files are
//    passed over for a TrueType one of the same family and style, which may
//    be a named instance of a variable font ("Inter:style=Bold").
// With a `cache`, a name found before is answered from it while the font
// folders are unchanged (see FontLookupCache), and new answers are stored.
FontLocation LocateFont(const std::string& name, const std::string& fonts_dir, std::string* error,
                        FontLookupCache* cache = nullptr);

// LocateFont for several names at once (one walk of the system's fonts):
// a location per name, and (*errors)[i] set where names[i] has none.
std::vector<FontLocation> LocateFonts(const std::vector<std::string>& names,
                                      const std::string& fonts_dir, std::vector<std::string>* errors,
                                      FontLookupCache* cache = nullptr);

}  // namespace brief
