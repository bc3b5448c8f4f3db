#include "fonts/font_set.h"

namespace brief {

std::unique_ptr<FontSet> FontSet::ForTemplate(const Template& t, const std::string& fonts_dir,
                                              std::string* error, const std::string& lookups_file) {
  auto set = std::unique_ptr<FontSet>(new FontSet());
  set->lookups_ = std::make_unique<FontLookupCache>(lookups_file);
  std::vector<std::string> names = {t.font_regular, t.font_bold};
  names.insert(names.end(), t.font_fallbacks.begin(), t.font_fallbacks.end());
  std::vector<std::string> errors;
  std::vector<FontLocation> where = LocateFonts(names, fonts_dir, &errors, set->lookups_.get());
  // Every font the template names is found now, so a missing or broken
  // file is reported before any brief. The regular and bold faces are
  // loaded now; a fallback's file is only checked (CheckFontFile: a few
  // small reads), and loaded when text first needs it: most briefs need
  // none of them, and mapping and reading twenty fonts was a tenth of a
  // one-brief run.
  size_t next = 0;
  auto load = [&](bool now) {
    size_t i = next++;
    if (where[i].path.empty()) {
      *error = errors[i];
      return false;
    }
    set->slots_.push_back(std::make_unique<Slot>());
    Slot* slot = set->slots_.back().get();
    slot->name = names[i];
    slot->fonts_dir = fonts_dir;
    slot->where = where[i];
    if (!now) return CheckFontFile(slot->where.path, static_cast<unsigned>(slot->where.index & 0xFFFF), error);
    slot->face = FontFace::Load(slot->where.path, slot->where.index, error);
    if (!slot->face) return false;
    slot->use = slot->face.get();
    std::call_once(slot->once, [] {});
    return true;
  };
  if (!load(true) || !load(true)) return nullptr;
  std::vector<int> regular_chain = {kRegular}, bold_chain = {kBold};
  for (const std::string& name : t.font_fallbacks) {
    int regular = set->FaceCount();
    if (!load(false)) return nullptr;
    regular_chain.push_back(regular);
    // A family named without a style may have a bold face for bold text.
    bool plain_family = name.find(':') == std::string::npos &&
                        !(name.size() > 4 && name.compare(name.size() - 4, 4, ".ttf") == 0);
    if (plain_family) {
      bold_chain.push_back(set->FaceCount());
      set->slots_.push_back(std::make_unique<Slot>());
      Slot* bold = set->slots_.back().get();
      bold->name = name + ":style=Bold";
      bold->fonts_dir = fonts_dir;
      bold->regular = regular;
    } else {
      bold_chain.push_back(regular);
    }
  }
  for (int f = 0; f < set->FaceCount(); ++f) {
    std::vector<int> chain = f == kBold ? bold_chain : regular_chain;
    chain[0] = f;
    set->chains_.push_back(std::move(chain));
  }
  return set;
}

const FontFace& FontSet::get(int i) const {
  Slot& slot = *slots_[static_cast<size_t>(i)];
  std::call_once(slot.once, [&] {
    std::string error;
    if (slot.regular < 0) {
      // A fallback, found and checked at construction. Should its file
      // fail to load now (changed since), the fallback adds nothing to the regular face: the code points
      // only it had are reported missing, as for any face the template
      // does not have.
      slot.face = FontFace::Load(slot.where.path, slot.where.index, &error);
      slot.use = slot.face ? slot.face.get() : &get(kRegular);
      return;
    }
    // A bold variant: the family's bold face if it has one, else its
    // regular face.
    slot.where = LocateFont(slot.name, slot.fonts_dir, &error, lookups_.get());
    if (!slot.where.path.empty()) slot.face = FontFace::Load(slot.where.path, slot.where.index, &error);
    if (slot.face && !slot.face->bold()) slot.face.reset();
    slot.use = slot.face ? slot.face.get() : &get(slot.regular);
  });
  return *slot.use;
}

int FontSet::Canonical(int face) const {
  get(face);  // Resolves a bold slot.
  const Slot& slot = *slots_[static_cast<size_t>(face)];
  return slot.regular >= 0 && !slot.face ? slot.regular : face;
}

std::vector<std::string> FontSet::Files() const {
  std::vector<std::string> files;
  for (const auto& slot : slots_) {
    if (slot->regular < 0) {
      files.push_back(slot->where.path +
                      (slot->where.index ? "#" + std::to_string(slot->where.index) : ""));
    }
  }
  return files;
}

}  // namespace brief
