#include "fonts/ccmp_analysis.h"

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include <hb-ot.h>
#include <hb.h>
#include <hb-aat.h>

#include "base/big_endian.h"

namespace brief {

namespace {

// Big-endian reads from a table. A read out of bounds gives 0 and clears
// ok, after which every answer is the conservative one.
struct Table {
  std::string_view data;
  bool ok = true;
  // Work done, bounded: a hostile table cannot make the analysis slow.
  long budget = 4'000'000;

  uint16_t U16(size_t at) {
    if (at + 2 > data.size() || --budget < 0) return Fail();
    return BigEndian16(data.data() + at);
  }
  uint32_t U32(size_t at) { return (static_cast<uint32_t>(U16(at)) << 16) | U16(at + 2); }
  uint16_t Fail() {
    ok = false;
    return 0;
  }
};

bool IsMark(const hb_set_t* marks, uint32_t glyph) { return hb_set_has(marks, glyph); }

// Do glyphs [first, last] hold one outside M? (A range longer than M
// does.)
bool RangeHasNonMark(Table& t, uint32_t first, uint32_t last, const hb_set_t* marks) {
  if (last < first) return false;
  if (last - first + 1 > hb_set_get_population(marks)) return true;
  for (uint32_t g = first; g <= last; ++g) {
    if (--t.budget < 0 || !IsMark(marks, g)) return true;
  }
  return false;
}

// Coverage table at `at`: does it hold a glyph outside M?
bool CoverageHasNonMark(Table& t, size_t at, const hb_set_t* marks) {
  uint16_t format = t.U16(at);
  uint16_t count = t.U16(at + 2);
  if (format == 1) {
    for (uint16_t i = 0; i < count && t.ok; ++i) {
      if (!IsMark(marks, t.U16(at + 4 + 2 * i))) return true;
    }
    return !t.ok;
  }
  if (format == 2) {
    for (uint16_t i = 0; i < count && t.ok; ++i) {
      size_t r = at + 4 + 6 * size_t{i};
      if (RangeHasNonMark(t, t.U16(r), t.U16(r + 2), marks)) return true;
    }
    return !t.ok;
  }
  return true;
}

// The glyph at coverage index `index` of the coverage table at `at`
// (format 1: the array; format 2: the range holding that index). ok is
// cleared when there is none.
uint32_t CoverageGlyphAt(Table& t, size_t at, uint32_t index) {
  uint16_t format = t.U16(at);
  uint16_t count = t.U16(at + 2);
  if (format == 1) {
    if (index >= count) return t.Fail();
    return t.U16(at + 4 + 2 * size_t{index});
  }
  if (format == 2) {
    for (uint16_t i = 0; i < count && t.ok; ++i) {
      size_t r = at + 4 + 6 * size_t{i};
      uint32_t first = t.U16(r), last = t.U16(r + 2), start = t.U16(r + 4);
      if (last >= first && index >= start && index - start <= last - first) return first + (index - start);
    }
  }
  return t.Fail();
}

// Does class `value` of the class definition at `at` hold a glyph outside
// M? Class 0 holds every glyph the table does not list: yes.
bool ClassHasNonMark(Table& t, size_t at, uint16_t value, const hb_set_t* marks) {
  if (value == 0) return true;
  uint16_t format = t.U16(at);
  if (format == 1) {
    uint32_t start = t.U16(at + 2);
    uint16_t count = t.U16(at + 4);
    for (uint16_t i = 0; i < count && t.ok; ++i) {
      if (t.U16(at + 6 + 2 * size_t{i}) == value && !IsMark(marks, start + i)) return true;
    }
    return !t.ok;
  }
  if (format == 2) {
    uint16_t count = t.U16(at + 2);
    for (uint16_t i = 0; i < count && t.ok; ++i) {
      size_t r = at + 4 + 6 * size_t{i};
      if (t.U16(r + 4) == value && RangeHasNonMark(t, t.U16(r), t.U16(r + 2), marks)) return true;
    }
    return !t.ok;
  }
  return true;
}

// An offset from `base` read at `at`; 0 (a null offset) clears ok, since
// every offset read here is one a valid table must set.
size_t Offset16(Table& t, size_t base, size_t at) {
  uint16_t off = t.U16(at);
  if (off == 0) t.Fail();
  return base + off;
}

// The rule sets of a (chained) context subtable at `at` of format 1 or 2:
// their count at `count_at`, then offsets from `at`; set i holds the rules
// whose first glyph is the i-th covered glyph (format 1) or of class i
// (format 2). Can a rule apply to a stream free of M? A set counts when
// first_may_apply(i); a rule is ruled out when a position of its sequences
// ([backtrack], input less its first glyph, [lookahead]) needs a glyph of
// M: needs_mark(part, value), part 0, 1, 2 for backtrack, input, lookahead.
template <typename FirstMayApply, typename NeedsMark>
bool RuleSetsCanApply(Table& t, size_t at, size_t count_at, bool chained, FirstMayApply first_may_apply,
                      NeedsMark needs_mark) {
  uint16_t sets = t.U16(count_at);
  for (uint16_t i = 0; i < sets && t.ok; ++i) {
    if (t.U16(count_at + 2 + 2 * size_t{i}) == 0) continue;  // No rules for this glyph or class.
    if (!first_may_apply(i)) {
      if (!t.ok) return true;
      continue;
    }
    size_t set = Offset16(t, at, count_at + 2 + 2 * size_t{i});
    uint16_t rules = t.U16(set);
    for (uint16_t k = 0; k < rules && t.ok; ++k) {
      size_t p = Offset16(t, set, set + 2 + 2 * size_t{k});
      bool needs = false;
      for (int part = chained ? 0 : 1; part < (chained ? 3 : 2) && t.ok; ++part) {
        uint16_t n = t.U16(p);
        p += chained ? 2 : 4;  // Context rules: glyphCount, then substitutionCount.
        uint16_t listed = part == 1 ? (n > 0 ? n - 1 : 0) : n;
        for (uint16_t g = 0; g < listed && t.ok && !needs; ++g) needs = needs_mark(part, t.U16(p + 2 * size_t{g}));
        p += 2 * size_t{listed};
      }
      if (!needs || !t.ok) return true;
    }
  }
  return !t.ok;
}

// Can some rule of the substitution subtable at `at`, of `type`, match a
// glyph stream that holds no glyph of M? (Conservative: yes when unsure.)
bool SubtableCanApply(Table& t, uint16_t type, size_t at, const hb_set_t* marks, int depth = 0) {
  uint16_t format = t.U16(at);
  if (!t.ok) return true;
  switch (type) {
    case 1:  // Single.
    case 2:  // Multiple.
    case 3:  // Alternate.
      return CoverageHasNonMark(t, Offset16(t, at, at + 2), marks) || !t.ok;
    case 8:  // Reverse chaining single: its input is one covered glyph.
      return format != 1 || CoverageHasNonMark(t, Offset16(t, at, at + 2), marks) || !t.ok;
    case 4: {  // Ligature: the first glyph (by coverage) and every component.
      if (format != 1) return true;
      size_t coverage = Offset16(t, at, at + 2);
      uint16_t sets = t.U16(at + 4);
      for (uint16_t i = 0; i < sets && t.ok; ++i) {
        uint32_t first = CoverageGlyphAt(t, coverage, i);
        if (!t.ok) return true;
        if (IsMark(marks, first)) continue;
        size_t set = Offset16(t, at, at + 6 + 2 * size_t{i});
        uint16_t ligatures = t.U16(set);
        for (uint16_t k = 0; k < ligatures && t.ok; ++k) {
          size_t lig = Offset16(t, set, set + 2 + 2 * size_t{k});
          uint16_t components = t.U16(lig + 2);
          bool needs_mark = false;
          for (uint16_t c = 1; c < components && t.ok && !needs_mark; ++c) {
            needs_mark = IsMark(marks, t.U16(lig + 4 + 2 * (size_t{c} - 1)));
          }
          if (!needs_mark || !t.ok) return true;
        }
      }
      return !t.ok;
    }
    case 5:  // Context.
    case 6: {  // Chained context.
      const bool chained = type == 6;
      if (format == 1) {
        // Glyph sequences; the first glyph by coverage index.
        size_t coverage = Offset16(t, at, at + 2);
        return RuleSetsCanApply(
            t, at, at + 4, chained, [&](uint16_t i) { return !IsMark(marks, CoverageGlyphAt(t, coverage, i)); },
            [&](int, uint16_t glyph) { return IsMark(marks, glyph); });
      }
      if (format == 2) {
        // Classes; the first glyph's class picks the rule set.
        size_t classes[3] = {0, 0, 0};  // Backtrack, input, lookahead.
        size_t count_at;
        if (chained) {
          for (int part = 0; part < 3; ++part) classes[part] = Offset16(t, at, at + 4 + 2 * size_t(part));
          count_at = at + 10;
        } else {
          classes[1] = Offset16(t, at, at + 4);
          count_at = at + 6;
        }
        return RuleSetsCanApply(
            t, at, count_at, chained, [&](uint16_t i) { return ClassHasNonMark(t, classes[1], i, marks); },
            [&](int part, uint16_t value) { return !ClassHasNonMark(t, classes[part], value, marks); });
      }
      if (format == 3) {
        // One coverage per position.
        size_t p = at + 2;
        for (int part = chained ? 0 : 1; part < (chained ? 3 : 2) && t.ok; ++part) {
          uint16_t n = t.U16(p);
          p += chained ? 2 : 4;  // Context: glyphCount, substitutionCount.
          for (uint16_t g = 0; g < n && t.ok; ++g) {
            if (!CoverageHasNonMark(t, Offset16(t, at, p + 2 * size_t{g}), marks)) return !t.ok;
          }
          p += 2 * size_t{n};
        }
        return true;  // Every position can hold a glyph outside M.
      }
      return true;
    }
    case 7: {  // Extension: the real subtable, 32-bit offset away.
      if (format != 1 || depth > 0) return true;
      uint16_t real = t.U16(at + 2);
      uint32_t off = t.U32(at + 4);
      if (!t.ok || off == 0 || real == 7) return true;
      return SubtableCanApply(t, real, at + off, marks, depth + 1);
    }
  }
  return true;
}

// The lookup list entry `index`: can any of its subtables apply to a glyph
// stream free of M?
bool LookupCanApply(Table& t, size_t lookup_list, uint16_t index, const hb_set_t* marks) {
  if (index >= t.U16(lookup_list)) return true;
  size_t lookup = Offset16(t, lookup_list, lookup_list + 2 + 2 * size_t{index});
  uint16_t type = t.U16(lookup);
  uint16_t subtables = t.U16(lookup + 4);
  for (uint16_t s = 0; s < subtables && t.ok; ++s) {
    if (SubtableCanApply(t, type, Offset16(t, lookup, lookup + 6 + 2 * size_t{s}), marks)) return true;
  }
  return !t.ok;
}

// The lookup indices of the feature table at `at` into *into.
void AddFeatureLookups(Table& t, size_t at, std::set<uint16_t>* into) {
  uint16_t count = t.U16(at + 2);
  for (uint16_t i = 0; i < count && t.ok; ++i) into->insert(t.U16(at + 4 + 2 * size_t{i}));
}

// HarfBuzz's default shaper turns these GSUB features on for left-to-right
// text (hb-ot-shape.cc): rvrn in a stage of its own, the rest in one stage
// whose lookups run in lookup-index order.
bool IsDefaultMainStageFeature(hb_tag_t tag) {
  static const hb_tag_t kTags[] = {
      HB_TAG('l', 't', 'r', 'a'), HB_TAG('l', 't', 'r', 'm'), HB_TAG('f', 'r', 'a', 'c'),
      HB_TAG('n', 'u', 'm', 'r'), HB_TAG('d', 'n', 'o', 'm'), HB_TAG('r', 'a', 'n', 'd'), HB_TAG('t', 'r', 'a', 'k'),
      HB_TAG('H', 'a', 'r', 'f'), HB_TAG('H', 'A', 'R', 'F'), HB_TAG('B', 'u', 'z', 'z'),
      HB_TAG('B', 'U', 'Z', 'Z'), HB_TAG('a', 'b', 'v', 'm'), HB_TAG('b', 'l', 'w', 'm'),
      HB_TAG('l', 'o', 'c', 'l'), HB_TAG('m', 'a', 'r', 'k'), HB_TAG('m', 'k', 'm', 'k'),
      HB_TAG('r', 'l', 'i', 'g'), HB_TAG('c', 'a', 'l', 't'), HB_TAG('c', 'l', 'i', 'g'),
      HB_TAG('c', 'u', 'r', 's'), HB_TAG('d', 'i', 's', 't'), HB_TAG('k', 'e', 'r', 'n'),
      HB_TAG('l', 'i', 'g', 'a'), HB_TAG('r', 'c', 'l', 't')};
  for (hb_tag_t k : kTags) {
    if (k == tag) return true;
  }
  return false;
}

}  // namespace

void CollectMarkGlyphs(hb_face_t* face, hb_set_t* marks) {
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face, unicodes);
  hb_font_t* font = hb_font_create(face);
  hb_unicode_funcs_t* ucd = hb_unicode_funcs_get_default();
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &cp);) {
    hb_unicode_general_category_t c = hb_unicode_general_category(ucd, cp);
    // Private-use characters too: fonts map some to accents (Inter's
    // U+E116 ... are forms of combining marks its ccmp looks for).
    if (c != HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK && c != HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK &&
        c != HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK && c != HB_UNICODE_GENERAL_CATEGORY_PRIVATE_USE) {
      continue;
    }
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(font, cp, &glyph)) hb_set_add(marks, glyph);
  }
  hb_font_destroy(font);
  hb_set_destroy(unicodes);
  // And every glyph GDEF classes as a mark (the .case forms of accents,
  // say): no character maps to them, so a stream can only get one from a
  // substitution, which condition 2 rules out.
  hb_ot_layout_get_glyphs_in_class(face, HB_OT_LAYOUT_GLYPH_CLASS_MARK, marks);
}

bool CcmpNeedsMarks(hb_face_t* face, const hb_set_t* marks) {
  if (hb_aat_layout_has_substitution(face)) return false;  // Shaped with morx, not GSUB.
  hb_blob_t* blob = hb_face_reference_table(face, HB_OT_TAG_GSUB);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  Table t{std::string_view(data ? data : "", length)};
  bool proved = false;
  if (t.U16(0) == 1) {
    const uint16_t minor = t.U16(2);
    const size_t features = Offset16(t, 0, 6);
    const size_t lookups = Offset16(t, 0, 8);
    // Feature indices by kind, then their lookups (FeatureVariations'
    // alternates included).
    std::set<uint16_t> ccmp, rvrn, main_stage;
    std::vector<int> kind;  // Per feature index: 0 other, 1 ccmp, 2 rvrn, 3 main stage.
    uint16_t count = t.U16(features);
    for (uint16_t i = 0; i < count && t.ok; ++i) {
      size_t record = features + 2 + 6 * size_t{i};
      hb_tag_t tag = t.U32(record);
      int k = tag == HB_TAG('c', 'c', 'm', 'p')   ? 1
              : tag == HB_TAG('r', 'v', 'r', 'n') ? 2
              : IsDefaultMainStageFeature(tag)    ? 3
                                                  : 0;
      kind.push_back(k);
      if (k == 0) continue;
      AddFeatureLookups(t, Offset16(t, features, record + 4), k == 1 ? &ccmp : k == 2 ? &rvrn : &main_stage);
    }
    // A script's required feature runs whatever its tag, in the first
    // stage: its lookups count as rvrn's.
    const size_t scripts = Offset16(t, 0, 4);
    const uint16_t script_count = t.U16(scripts);
    auto required = [&](size_t lang_sys) {
      uint16_t feature = t.U16(lang_sys + 2);
      if (feature == 0xFFFF) return;
      if (feature >= kind.size()) {
        t.Fail();
        return;
      }
      if (kind[feature] != 1) kind[feature] = 2;  // A required ccmp stays checked as ccmp too.
      AddFeatureLookups(t, Offset16(t, features, features + 2 + 6 * size_t{feature} + 4), &rvrn);
    };
    for (uint16_t i = 0; i < script_count && t.ok; ++i) {
      size_t script = Offset16(t, scripts, scripts + 2 + 6 * size_t{i} + 4);
      if (uint16_t dflt = t.U16(script); dflt != 0) required(script + dflt);
      uint16_t langs = t.U16(script + 2);
      for (uint16_t l = 0; l < langs && t.ok; ++l) required(Offset16(t, script, script + 4 + 6 * size_t{l} + 4));
    }
    if (minor >= 1 && t.ok) {
      uint32_t variations = t.U32(10);
      if (variations != 0) {
        uint32_t records = t.U32(variations + 4);
        for (uint32_t r = 0; r < records && t.ok; ++r) {
          uint32_t subst = t.U32(variations + 8 + 8 * size_t{r} + 4);
          if (subst == 0) continue;
          size_t table = variations + size_t{subst};
          uint16_t n = t.U16(table + 4);
          for (uint16_t s = 0; s < n && t.ok; ++s) {
            size_t rec = table + 6 + 6 * size_t{s};
            uint16_t feature = t.U16(rec);
            uint32_t alternate = t.U32(rec + 2);
            if (feature >= kind.size()) {
              t.Fail();
              break;
            }
            int k = kind[feature];
            if (k == 0 || alternate == 0) continue;
            AddFeatureLookups(t, table + alternate, k == 1 ? &ccmp : k == 2 ? &rvrn : &main_stage);
          }
        }
      }
    }
    proved = t.ok && !ccmp.empty();
    // 1. Every ccmp rule needs a glyph of M.
    for (uint16_t l : ccmp) {
      if (!proved) break;
      if (LookupCanApply(t, lookups, l, marks) || !t.ok) proved = false;
    }
    // 2. Nothing that runs before the last ccmp lookup makes one.
    if (proved) {
      const uint16_t last = *ccmp.rbegin();
      std::set<uint16_t> before = rvrn;
      for (uint16_t l : main_stage) {
        if (l < last && !ccmp.count(l)) before.insert(l);
      }
      hb_set_t* output = hb_set_create();
      const unsigned lookup_count = hb_ot_layout_table_get_lookup_count(face, HB_OT_TAG_GSUB);
      for (uint16_t l : before) {
        if (l >= lookup_count) {
          proved = false;
          break;
        }
        hb_ot_layout_lookup_collect_glyphs(face, HB_OT_TAG_GSUB, l, nullptr, nullptr, nullptr, output);
      }
      if (proved && hb_set_is_empty(output) == false) {
        hb_set_t* both = hb_set_copy(output);
        hb_set_intersect(both, marks);
        proved = hb_set_is_empty(both);
        hb_set_destroy(both);
      }
      hb_set_destroy(output);
    }
  }
  hb_blob_destroy(blob);
  return proved;
}

}  // namespace brief
