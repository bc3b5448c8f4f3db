#include "render/text_layer.h"

#include <algorithm>
#include <string_view>

#include "base/utf8.h"

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
    for (int i = a; i < b; ++i) AppendUtf8(cp_at(i), &s.text);
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
  std::stable_sort(runs.begin(), runs.end(), [&](int x, int y) {
    return t.runs[static_cast<size_t>(x)].start < t.runs[static_cast<size_t>(y)].start;
  });
  for (int r : runs) {
    const GlyphRun& run = t.runs[static_cast<size_t>(r)];
    // Glyph indexes grouped by cluster (in logical order), visual order kept
    // within a cluster.
    std::vector<int> by_cluster;
    for (size_t g = 0; g < run.glyphs.size(); ++g) {
      if (run.glyphs[g].id != 0) by_cluster.push_back(static_cast<int>(g));
    }
    auto cluster_of = [&](int g) { return run.glyphs[static_cast<size_t>(g)].cluster; };
    std::stable_sort(by_cluster.begin(), by_cluster.end(),
                     [&](int x, int y) { return cluster_of(x) < cluster_of(y); });
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

}  // namespace

TextLayer BuildTextLayer(const std::vector<TextItem>& texts, const NominalGlyph& nominal) {
  TextLayer layer;
  std::vector<std::vector<Share>> all;
  all.reserve(texts.size());
  for (const TextItem& t : texts) {
    all.push_back(LineShares(t, nominal));
    for (const Share& s : all.back()) {
      if (s.text.empty()) continue;
      const GlyphRun& run = t.runs[static_cast<size_t>(s.ref.run)];
      layer.to_unicode[run.face].try_emplace(run.glyphs[static_cast<size_t>(s.ref.glyph)].id, s.text);
    }
  }
  layer.order.reserve(texts.size());
  layer.actual_text.reserve(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const TextItem& t = texts[i];
    std::vector<GlyphRef> order;
    order.reserve(all[i].size());
    // Whether the glyphs, read through the maps in writing order, spell
    // the line's text: compared piece by piece, without building it.
    std::string_view rest = t.text;
    bool spelled = true;
    for (const Share& s : all[i]) {
      order.push_back(s.ref);
      const GlyphRun& run = t.runs[static_cast<size_t>(s.ref.run)];
      const auto& map = layer.to_unicode[run.face];
      auto it = map.find(run.glyphs[static_cast<size_t>(s.ref.glyph)].id);
      if (it == map.end() || !spelled) continue;
      if (rest.substr(0, it->second.size()) != it->second) {
        spelled = false;
      } else {
        rest.remove_prefix(it->second.size());
      }
    }
    spelled = spelled && rest.empty();
    // Readers that order characters by position move stacked marks of
    // left-to-right text (Thai tone marks, Indic signs) around: such lines
    // carry their text as well.
    bool marks = false;
    for (const GlyphRun& run : t.runs) {
      if (run.level & 1) continue;
      for (const Glyph& g : run.glyphs) marks |= g.advance == 0 && (g.dx != 0 || g.dy != 0);
    }
    layer.order.push_back(std::move(order));
    layer.actual_text.push_back(!spelled || marks);
  }
  return layer;
}

}  // namespace brief
