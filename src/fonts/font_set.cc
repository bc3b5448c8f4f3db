#include "fonts/font_set.h"

#include "fonts/font_locator.h"

namespace brief {

std::unique_ptr<FontSet> FontSet::ForTemplate(const Template& t, const std::string& fonts_dir,
                                              std::string* error) {
  auto set = std::unique_ptr<FontSet>(new FontSet());
  std::vector<std::string> names = {t.font_regular, t.font_bold};
  names.insert(names.end(), t.font_fallbacks.begin(), t.font_fallbacks.end());
  for (const std::string& name : names) {
    std::string why;
    FontLocation where = LocateFont(name, fonts_dir, &why);
    std::unique_ptr<FontFace> face =
        where.path.empty() ? nullptr : FontFace::Load(where.path, where.index, &why);
    if (!face) {
      *error = why;
      return nullptr;
    }
    set->faces_.push_back(std::move(face));
  }
  return set;
}

}  // namespace brief
