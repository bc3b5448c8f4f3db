// Finds font files: the project's fonts/ folder first, then the system's
// fonts through fontconfig.
#pragma once

#include <string>

namespace brief {

// Resolves a template's font name to a file path, or "" with *error set.
//  - "Name.ttf" (any name ending in .ttf): fonts_dir/Name.ttf, else the path as given.
//  - otherwise a fontconfig pattern such as "DejaVu Sans:style=Bold": a font
//    in fonts_dir whose family and style match, else the system's best match,
//    accepted only if its family is the one asked for (fontconfig would
//    otherwise silently substitute another family).
std::string LocateFont(const std::string& name, const std::string& fonts_dir, std::string* error);

}  // namespace brief
