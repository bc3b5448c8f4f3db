#include "text/shaped_text.h"

#include <algorithm>

#include <hb.h>

#include "base/utf8.h"
#include "text/bidi.h"
#include "text/line_breaks.h"
#include "text/unicode.h"

namespace brief {

namespace {

bool IsCommonScript(int cp) {
  hb_script_t s = hb_unicode_script(hb_unicode_funcs_get_default(), static_cast<hb_codepoint_t>(cp));
  return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

bool Covers(const FontMetrics& m, int face, const std::vector<int>& cps, int a, int b) {
  for (int i = a; i < b; ++i) {
    int cp = cps[static_cast<size_t>(i)];
    if (!IsDefaultIgnorable(cp) && !m.HasGlyph(face, cp)) return false;
  }
  return true;
}

// The face for each code point (-1: no face has it). Clusters keep one face.
// For each cluster, in order of preference:
//  1. a Common cluster (space, digit, punctuation) the face of the last
//     letters before it, when that face has it;
//  2. the face asked for;
//  3. the fallback that has every cluster of this script run that the face
//     asked for lacks (so a word in another script is drawn in one design);
//  4. the first fallback that has it.
std::vector<int> ChooseFaces(const FontMetrics& m, int face, const std::vector<int>& cps,
                             const std::vector<uint32_t>& scripts, const std::vector<uint8_t>& levels,
                             const std::vector<uint8_t>& cluster_start) {
  const int n = static_cast<int>(cps.size());
  std::vector<int> faces(cps.size(), -1);
  const std::vector<int>& chain = m.Chain(face);
  int last_letter_face = -1;
  int run_start = 0;
  int run_fallback = -2;  // -2: not computed for this run yet.
  auto cluster_end = [&](int a) {
    int b = a + 1;
    while (b < n && !cluster_start[static_cast<size_t>(b)]) ++b;
    return b;
  };
  for (int a = 0; a < n;) {
    int b = cluster_end(a);
    if (scripts[static_cast<size_t>(a)] != scripts[static_cast<size_t>(run_start)] ||
        levels[static_cast<size_t>(a)] != levels[static_cast<size_t>(run_start)]) {
      run_start = a;
      run_fallback = -2;
    }
    bool common = true;
    for (int i = a; i < b && common; ++i) common = IsCommonScript(cps[static_cast<size_t>(i)]);
    int chosen = -1;
    if (common && last_letter_face >= 0 && Covers(m, last_letter_face, cps, a, b)) {
      chosen = last_letter_face;
    } else if (Covers(m, face, cps, a, b)) {
      chosen = face;
    } else {
      if (run_fallback == -2) {
        // Clusters of this run the face asked for lacks; the first fallback
        // with all of them.
        run_fallback = -1;
        int run_end = a;
        while (run_end < n && scripts[static_cast<size_t>(run_end)] == scripts[static_cast<size_t>(a)] &&
               levels[static_cast<size_t>(run_end)] == levels[static_cast<size_t>(a)]) {
          ++run_end;
        }
        for (size_t k = 1; k < chain.size() && run_fallback < 0; ++k) {
          bool all = true;
          for (int x = a; x < run_end && all;) {
            int y = cluster_end(x);
            if (!Covers(m, face, cps, x, y)) all = Covers(m, chain[k], cps, x, y);
            x = y;
          }
          if (all) run_fallback = chain[k];
        }
      }
      if (run_fallback >= 0 && Covers(m, run_fallback, cps, a, b)) {
        chosen = run_fallback;
      } else {
        for (size_t k = 1; k < chain.size() && chosen < 0; ++k) {
          if (Covers(m, chain[k], cps, a, b)) chosen = chain[k];
        }
      }
    }
    if (!common && chosen >= 0) last_letter_face = chosen;
    for (int i = a; i < b; ++i) faces[static_cast<size_t>(i)] = chosen;
    a = b;
  }
  return faces;
}

}  // namespace

double GlyphRun::Advance() const {
  double sum = 0;
  for (const Glyph& g : glyphs) sum += g.advance;
  return sum;
}

int ShapedParagraph::TrimEnd(int a, int b) const {
  while (b > a && IsUnicodeSpace(code_points[static_cast<size_t>(b - 1)]) &&
         code_points[static_cast<size_t>(b - 1)] != 0xA0 &&
         code_points[static_cast<size_t>(b - 1)] != 0x202F) {
    --b;
  }
  return b;
}

ShapedParagraph ShapeParagraph(const FontMetrics& metrics, std::string_view input, int face) {
  ShapedParagraph p;
  p.face = face;
  p.text = NormalizeSpaces(input);
  size_t pos = 0;
  while (pos < p.text.size()) {
    p.offsets.push_back(static_cast<uint32_t>(pos));
    p.code_points.push_back(DecodeUtf8(p.text, &pos));
  }
  p.offsets.push_back(static_cast<uint32_t>(p.text.size()));
  const std::vector<int>& cps = p.code_points;
  const size_t n = cps.size();
  p.advance.assign(n, 0);
  p.drawn.assign(n, 1);
  p.cluster_start.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    p.cluster_start[i] = i == 0 || !(ExtendsCluster(cps[i]) || cps[i - 1] == 0x200D);
    if (IsBidiControl(cps[i])) p.drawn[i] = 0;  // Steers the order; not text to copy.
  }
  std::vector<uint8_t> levels = BidiLevels(cps, &p.base_level);
  std::vector<uint32_t> scripts = ResolveScripts(cps);
  std::vector<int> faces = ChooseFaces(metrics, face, cps, scripts, levels, p.cluster_start);
  for (int& f : faces) {
    if (f >= 0) f = metrics.Canonical(f);
  }
  p.breaks = LineBreakOpportunities(cps);

  // Runs: maximal stretches of one face, script and level.
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && faces[b] == faces[a] && scripts[b] == scripts[a] && levels[b] == levels[a]) ++b;
    if (faces[a] < 0) {
      for (size_t i = a; i < b; ++i) {
        p.drawn[i] = 0;
        if (!IsDefaultIgnorable(cps[i]) &&
            std::find(p.missing.begin(), p.missing.end(), cps[i]) == p.missing.end()) {
          p.missing.push_back(cps[i]);
        }
      }
    } else {
      GlyphRun run;
      run.face = faces[a];
      run.level = levels[a];
      run.script = scripts[a];
      run.embolden = metrics.IsBold(face) && !metrics.IsBold(run.face);
      run.start = static_cast<int>(a);
      run.end = static_cast<int>(b);
      metrics.Shape(run.face,
                    ShapeRequest{cps, run.start, run.end, (run.level & 1) != 0, scripts[a]},
                    &run.glyphs);
      for (const Glyph& g : run.glyphs) p.advance[static_cast<size_t>(g.cluster)] += g.advance;
      p.runs.push_back(std::move(run));
    }
    a = b;
  }
  p.prefix.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) p.prefix[i + 1] = p.prefix[i] + p.advance[i];
  return p;
}

namespace {

// True when cutting run `r` before code point `at` needs reshaping: the
// glyph that starts at `at` is marked unsafe to break.
bool UnsafeCut(const GlyphRun& r, int at) {
  for (const Glyph& g : r.glyphs) {
    if (g.cluster == at && g.unsafe_to_break) return true;
  }
  return false;
}

}  // namespace

std::vector<GlyphRun> LineRuns(const FontMetrics& metrics, const ShapedParagraph& p, int a, int b) {
  std::vector<GlyphRun> pieces;
  for (const GlyphRun& r : p.runs) {
    if (r.end <= a || r.start >= b) continue;
    int s = std::max(a, r.start), e = std::min(b, r.end);
    if (s == r.start && e == r.end) {
      pieces.push_back(r);
      continue;
    }
    GlyphRun piece;
    piece.face = r.face;
    piece.level = r.level;
    piece.script = r.script;
    piece.embolden = r.embolden;
    piece.start = s;
    piece.end = e;
    if ((s > r.start && UnsafeCut(r, s)) || (e < r.end && UnsafeCut(r, e))) {
      metrics.Shape(r.face,
                    ShapeRequest{p.code_points, s, e, (r.level & 1) != 0, r.script},
                    &piece.glyphs);
    } else {
      for (const Glyph& g : r.glyphs) {
        if (g.cluster >= s && g.cluster < e) piece.glyphs.push_back(g);
      }
    }
    pieces.push_back(std::move(piece));
  }
  std::vector<uint8_t> levels;
  for (const GlyphRun& r : pieces) levels.push_back(r.level);
  std::vector<GlyphRun> visual;
  visual.reserve(pieces.size());
  for (int i : VisualOrder(levels)) visual.push_back(std::move(pieces[static_cast<size_t>(i)]));
  return visual;
}

std::string DrawnText(const ShapedParagraph& p, int a, int b) {
  std::string out;
  for (int i = a; i < b;) {
    if (!p.drawn[static_cast<size_t>(i)]) {
      ++i;
      continue;
    }
    int j = i;
    while (j < b && p.drawn[static_cast<size_t>(j)]) ++j;
    out.append(p.text, p.offsets[static_cast<size_t>(i)],
               p.offsets[static_cast<size_t>(j)] - p.offsets[static_cast<size_t>(i)]);
    i = j;
  }
  return out;
}

std::string NormalizeSpaces(std::string_view text) {
  std::string out;
  bool pending_space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    int cp = DecodeUtf8(text, &pos);
    if (cp < 0) cp = 0xFFFD;
    if (cp != 0xA0 && cp != 0x202F && IsUnicodeSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(cp, &out);
  }
  return out;
}

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string p = NormalizeSpaces(current);
    if (!p.empty()) out.push_back(std::move(p));
    current.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? text.npos : nl - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      flush();  // A blank line ends a paragraph.
    } else {
      current.append(line).push_back(' ');
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  flush();
  return out;
}

}  // namespace brief
