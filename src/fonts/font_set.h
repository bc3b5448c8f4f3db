// The faces a template uses, prepared once per process: FontMetrics for the
// text stage and the font files for embedding.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fonts/font_face.h"
#include "fonts/font_locator.h"
#include "fonts/font_lookup_cache.h"
#include "template/template.h"
#include "text/font_metrics.h"

namespace brief {

class FontSet : public FontMetrics {
 public:
  // Locates the template's regular, bold and fallback fonts and loads the
  // first two. Returns nullptr with *error naming the font that failed (not
  // found, unreadable, or a FontFileProblem: not TrueType, truncated,
  // damaged). A fallback is loaded when first
  // asked about (HasGlyph and the rest), and the bold face of each
  // fallback family, for bold text, looked for when bold text first needs
  // that fallback.
  // Lookups go through the store `lookups_file` when given (see
  // FontLookupCache).
  static std::unique_ptr<FontSet> ForTemplate(const Template& t, const std::string& fonts_dir,
                                              std::string* error, const std::string& lookups_file = "");

  int FaceCount() const override { return static_cast<int>(slots_.size()); }
  const std::vector<int>& Chain(int face) const override {
    return chains_[static_cast<size_t>(face)];
  }
  bool HasGlyph(int face, int cp) const override { return get(face).HasGlyph(cp); }
  void Shape(int face, const ShapeRequest& request, std::vector<Glyph>* out) const override {
    get(face).Shape(request, out);
  }
  int Ascent(int face) const override { return get(face).ascent(); }
  int Descent(int face) const override { return get(face).descent(); }
  // The template's bold font counts as bold whatever its head table says.
  bool IsBold(int face) const override { return face == kBold || get(face).bold(); }
  int Canonical(int face) const override;

  const FontFace& face(int i) const { return get(i); }
  // Whether face i has been resolved (its file loaded, or found to have
  // no bold). For tests: not synchronized with a first use on another
  // thread.
  bool Loaded(int i) const { return slots_[static_cast<size_t>(i)]->use != nullptr; }

  // The files the template's font names resolved to, in template order
  // (regular, bold, fallbacks; not the bold faces of fallbacks, which are
  // looked up when first needed), "#N" after the path for face N ≠ 0 of a
  // collection or variable font.
  std::vector<std::string> Files() const;

 private:
  // A face. Fallbacks and their bold variants are resolved on first use
  // (safe from any thread); the regular and bold faces at construction.
  struct Slot {
    std::string name;           // Template's name for it (a bold variant: "Family:style=Bold").
    std::string fonts_dir;
    FontLocation where;
    int regular = -1;           // Bold variant: the slot to use when the family has no bold.
    std::once_flag once;
    std::unique_ptr<FontFace> face;
    const FontFace* use = nullptr;
  };
  const FontFace& get(int i) const;

  std::vector<std::unique_ptr<Slot>> slots_;
  std::unique_ptr<FontLookupCache> lookups_;  // Used under a lock (LocateFonts').
  std::vector<std::vector<int>> chains_;  // Per face: itself, then its fallbacks.
};

}  // namespace brief
