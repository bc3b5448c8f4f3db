#include "fonts/font_set.h"

#include "fonts/font_locator.h"

namespace brief {

namespace {

std::unique_ptr<FontFace> Open(const std::string& name, const std::string& fonts_dir,
                               std::string* error) {
  FontLocation where = LocateFont(name, fonts_dir, error);
  return where.path.empty() ? nullptr : FontFace::Load(where.path, where.index, error);
}

}  // namespace

std::unique_ptr<FontSet> FontSet::ForTemplate(const Template& t, const std::string& fonts_dir,
                                              std::string* error) {
  auto set = std::unique_ptr<FontSet>(new FontSet());
  for (const std::string& name : {t.font_regular, t.font_bold}) {
    std::unique_ptr<FontFace> face = Open(name, fonts_dir, error);
    if (!face) return nullptr;
    set->faces_.push_back(std::move(face));
  }
  std::vector<int> regular_chain = {kRegular}, bold_chain = {kBold};
  for (const std::string& name : t.font_fallbacks) {
    std::unique_ptr<FontFace> face = Open(name, fonts_dir, error);
    if (!face) return nullptr;
    int regular = static_cast<int>(set->faces_.size());
    set->faces_.push_back(std::move(face));
    int bold = regular;
    // A family named without a style may have a bold face for bold text.
    bool plain_family = name.find(':') == std::string::npos &&
                        !(name.size() > 4 && name.compare(name.size() - 4, 4, ".ttf") == 0);
    if (plain_family) {
      std::string ignored;
      if (std::unique_ptr<FontFace> b = Open(name + ":style=Bold", fonts_dir, &ignored); b && b->bold()) {
        bold = static_cast<int>(set->faces_.size());
        set->faces_.push_back(std::move(b));
      }
    }
    regular_chain.push_back(regular);
    bold_chain.push_back(bold);
  }
  for (int f = 0; f < set->FaceCount(); ++f) {
    std::vector<int> chain = f == kBold ? bold_chain : regular_chain;
    chain[0] = f;
    set->chains_.push_back(std::move(chain));
  }
  return set;
}

}  // namespace brief
