#include "render/text_layer.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/utf8.h"
#include "text/unicode.h"

namespace brief {

namespace {

// One glyph's share of a line: which glyph, where in the text it reads
// (code point index), and the characters it stands for.
struct Share {
  GlyphRef ref;
  int position = 0;
  std::string text;
};

// Shares for the glyphs of one cluster, characters [a, b) of item t.
void ShareCluster(const TextItem& t, int run_index, const std::vector<int>& glyphs, int a, int b,
                  const NominalGlyph& nominal, std::vector<Share>* out) {
  const GlyphRun& run = t.runs[static_cast<size_t>(run_index)];
  auto cp_at = [&](int i) { return t.code_points[static_cast<size_t>(i - t.first)]; };
  if (glyphs.size() == 1) {
    Share s{{run_index, glyphs[0]}, a, ""};
    for (int i = a; i < b; ++i) {
      if (!IsBidiControl(cp_at(i))) AppendUtf8(cp_at(i), &s.text);
    }
    out->push_back(std::move(s));
    return;
  }
  // Characters whose own glyph is in the cluster go to that glyph.
  std::vector<int> owner(static_cast<size_t>(b - a), -1);  // character → index into glyphs
  std::vector<bool> taken(glyphs.size(), false);
  for (int i = a; i < b; ++i) {
    uint32_t own = nominal(run.face, cp_at(i));
    for (size_t k = 0; k < glyphs.size() && own != 0; ++k) {
      if (!taken[k] && run.glyphs[static_cast<size_t>(glyphs[k])].id == own) {
        taken[k] = true;
        owner[static_cast<size_t>(i - a)] = static_cast<int>(k);
        break;
      }
    }
  }
  // The rest go, in order, to the glyphs left over (in visual order); with
  // none left over, to the glyph of the character before them.
  std::vector<int> free_glyphs;
  for (size_t k = 0; k < glyphs.size(); ++k) {
    if (!taken[k]) free_glyphs.push_back(static_cast<int>(k));
  }
  size_t next_free = 0;
  int previous = -1;
  for (int i = a; i < b; ++i) {
    int& o = owner[static_cast<size_t>(i - a)];
    if (o < 0) {
      if (next_free < free_glyphs.size()) {
        o = free_glyphs[next_free++];
      } else if (previous >= 0) {
        o = previous;
      }
    }
    previous = o;
  }
  // Leading characters with no owner yet go to the first owner after them.
  int first_owner = -1;
  for (int o : owner) {
    if (o >= 0) {
      first_owner = o;
      break;
    }
  }
  for (int& o : owner) {
    if (o < 0) o = first_owner;
  }
  std::vector<Share> shares(glyphs.size());
  for (size_t k = 0; k < glyphs.size(); ++k) {
    shares[k].ref = {run_index, glyphs[k]};
    shares[k].position = b;  // Glyphs standing for nothing read at the cluster's end.
  }
  for (int i = a; i < b; ++i) {
    if (IsBidiControl(cp_at(i))) continue;
    Share& s = shares[static_cast<size_t>(owner[static_cast<size_t>(i - a)])];
    if (s.text.empty()) s.position = i;
    AppendUtf8(cp_at(i), &s.text);
  }
  // Right to left: reading order. Left to right: visual order, which
  // keeps readers that build lines from glyph positions on one line.
  if (run.level & 1) {
    std::stable_sort(shares.begin(), shares.end(),
                     [](const Share& x, const Share& y) { return x.position < y.position; });
  }
  for (Share& s : shares) out->push_back(std::move(s));
}

// Shares of every glyph of a line, in logical order.
std::vector<Share> LineShares(const TextItem& t, const NominalGlyph& nominal) {
  std::vector<Share> shares;
  std::vector<int> runs(t.runs.size());
  for (size_t r = 0; r < runs.size(); ++r) runs[r] = static_cast<int>(r);
  auto by_start = [&](int x, int y) {
    return t.runs[static_cast<size_t>(x)].start < t.runs[static_cast<size_t>(y)].start;
  };
  // (Sorting what is already in order, as left-to-right text is, is skipped:
  // a stable sort of sorted input changes nothing.)
  if (!std::is_sorted(runs.begin(), runs.end(), by_start)) std::stable_sort(runs.begin(), runs.end(), by_start);
  shares.reserve(t.code_points.size());
  for (int r : runs) {
    const GlyphRun& run = t.runs[static_cast<size_t>(r)];
    // Glyph indexes grouped by cluster (in logical order), visual order kept
    // within a cluster.
    std::vector<int> by_cluster;
    for (size_t g = 0; g < run.glyphs.size(); ++g) {
      if (run.glyphs[g].id != 0) by_cluster.push_back(static_cast<int>(g));
    }
    auto cluster_of = [&](int g) { return run.glyphs[static_cast<size_t>(g)].cluster; };
    auto by_cluster_order = [&](int x, int y) { return cluster_of(x) < cluster_of(y); };
    if (!std::is_sorted(by_cluster.begin(), by_cluster.end(), by_cluster_order)) {
      std::stable_sort(by_cluster.begin(), by_cluster.end(), by_cluster_order);
    }
    std::vector<int> glyphs;
    for (size_t i = 0; i < by_cluster.size();) {
      size_t j = i;
      glyphs.clear();
      while (j < by_cluster.size() && cluster_of(by_cluster[j]) == cluster_of(by_cluster[i])) {
        glyphs.push_back(by_cluster[j++]);
      }
      int end = j < by_cluster.size() ? cluster_of(by_cluster[j]) : run.end;
      ShareCluster(t, r, glyphs, cluster_of(by_cluster[i]), end, nominal, &shares);
      i = j;
    }
  }
  return shares;
}

// Characters in UTF-16 code units, as a ToUnicode entry holds them.
size_t Utf16Units(const std::string& utf8) {
  size_t units = 0;
  for (unsigned char b : utf8) {
    if ((b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;  // A lead byte; four-byte ones need a pair.
  }
  return units;
}

}  // namespace

TextLayer BuildTextLayer(const std::vector<TextItem>& texts, const NominalGlyph& nominal) {
  TextLayer layer;
  std::vector<std::vector<Share>> all;
  all.reserve(texts.size());
  // Each glyph stands for the first text seen for it. Readers cap what one
  // glyph may stand for (MuPDF ignores more than 8 UTF-16 units): longer
  // texts, such as a flag's tag sequence, are left to /ActualText.
  std::map<int, std::unordered_set<uint32_t>> contested;  // Glyphs seen with two texts.
  for (const TextItem& t : texts) {
    all.push_back(LineShares(t, nominal));
    for (const Share& s : all.back()) {
      if (s.text.empty() || Utf16Units(s.text) > 8) continue;
      const GlyphRun& run = t.runs[static_cast<size_t>(s.ref.run)];
      uint32_t id = run.glyphs[static_cast<size_t>(s.ref.glyph)].id;
      auto [it, fresh] = layer.to_unicode[run.face].try_emplace(id, s.text);
      if (!fresh && it->second != s.text) contested[run.face].insert(id);
    }
  }
  // But a glyph seen with two texts that is one character's own glyph
  // stands for that character, so that a bracket mirrored in right-to-left
  // text ("(" drawn with the ")" glyph) does not make every ")" of the page
  // read as "(".
  for (size_t i = 0; i < texts.size() && !contested.empty(); ++i) {
    for (const Share& s : all[i]) {
      const GlyphRun& run = texts[i].runs[static_cast<size_t>(s.ref.run)];
      auto c = contested.find(run.face);
      uint32_t id = run.glyphs[static_cast<size_t>(s.ref.glyph)].id;
      if (c == contested.end() || !c->second.count(id)) continue;
      size_t pos = 0;
      int cp = s.text.empty() ? -1 : DecodeUtf8(s.text, &pos);
      if (cp >= 0 && pos == s.text.size() && nominal(run.face, cp) == id) {
        layer.to_unicode[run.face][id] = s.text;
        c->second.erase(id);  // Settled.
      }
    }
  }
  layer.order.reserve(texts.size());
  layer.spans.reserve(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const TextItem& t = texts[i];
    auto cp_at = [&](int c) { return t.code_points[static_cast<size_t>(c - t.first)]; };
    // Units of text that /ActualText may stand for: graphemes (a character
    // and its marks) joined where one of HarfBuzz's clusters spans several
    // (a ligature, a conjunct, a reph). unit[c]: the first code point of
    // code point c's unit.
    const size_t n = t.code_points.size();
    std::vector<uint8_t> inside(n, 0);  // Inside a cluster, not at its start.
    for (const GlyphRun& run : t.runs) {
      std::vector<int> starts;
      starts.reserve(run.glyphs.size());
      for (const Glyph& g : run.glyphs) starts.push_back(g.cluster);
      if (!std::is_sorted(starts.begin(), starts.end())) std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      for (size_t c = 0; c < starts.size(); ++c) {
        int end = c + 1 < starts.size() ? starts[c + 1] : run.end;
        for (int x = starts[c] + 1; x < end; ++x) inside[static_cast<size_t>(x - t.first)] = 1;
      }
    }
    std::vector<int> unit(n);
    for (size_t c = 0; c < n; ++c) {
      bool extends = c > 0 && (ExtendsCluster(t.code_points[c]) || t.code_points[c - 1] == 0x200D ||
                               inside[c]);
      unit[c] = extends ? unit[c - 1] : static_cast<int>(c) + t.first;
    }
    auto unit_of = [&](const Share& s) {
      const GlyphRun& run = t.runs[static_cast<size_t>(s.ref.run)];
      return unit[static_cast<size_t>(run.glyphs[static_cast<size_t>(s.ref.glyph)].cluster - t.first)];
    };
    std::vector<GlyphRef> order;
    std::vector<TextSpan> spans;
    const std::vector<Share>& shares = all[i];
    int map_face = -1;
    const std::unordered_map<uint32_t, std::string>* map = nullptr;  // ToUnicode of map_face.
    for (size_t k = 0; k < shares.size();) {
      // Shares [k, m) draw one unit.
      size_t m = k;
      int g = unit_of(shares[k]);
      while (m < shares.size() && unit_of(shares[m]) == g) ++m;
      const GlyphRun& first_run = t.runs[static_cast<size_t>(shares[k].ref.run)];
      bool rtl = (first_run.level & 1) != 0;
      std::string text, spelled;
      int end = g + 1;
      while (end - t.first < static_cast<int>(n) && unit[static_cast<size_t>(end - t.first)] == g) {
        ++end;
      }
      int characters = 0;
      for (int c = g; c < end; ++c) {
        if (IsBidiControl(cp_at(c))) continue;
        AppendUtf8(cp_at(c), &text);
        ++characters;
      }
      bool marks = false;
      for (size_t x = k; x < m; ++x) {
        order.push_back(shares[x].ref);
        const GlyphRun& run = t.runs[static_cast<size_t>(shares[x].ref.run)];
        const Glyph& glyph = run.glyphs[static_cast<size_t>(shares[x].ref.glyph)];
        marks |= glyph.advance == 0 && (glyph.dx != 0 || glyph.dy != 0);
        if (run.face != map_face) {
          map_face = run.face;
          map = &layer.to_unicode[run.face];
        }
        auto it = map->find(glyph.id);
        if (it != map->end()) spelled += it->second;
      }
      bool needs = spelled != text || (!rtl && marks);
      if (needs && !text.empty() && (!rtl || characters == 1)) {
        spans.push_back({order.size() - (m - k), order.size() - 1, std::move(text)});
      }
      k = m;
    }
    layer.order.push_back(std::move(order));
    layer.spans.push_back(std::move(spans));
  }
  return layer;
}

}  // namespace brief
