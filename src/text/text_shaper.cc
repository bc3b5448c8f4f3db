#include "text/text_shaper.h"

namespace brief {

namespace {

// Short texts (labels, dates, amounts, names) recur from brief to brief:
// they are shaped once per thread and font set, not once per brief. The
// cache is bounded; a batch of very different briefs starts it over.
constexpr size_t kShortText = 48;      // Bytes.
constexpr size_t kMaxShortTexts = 4096;

}  // namespace

const ShapedParagraph& TextShaper::Shaped(std::string_view text, int face) const {
  std::string key;
  key.reserve(text.size() + 1);
  key.push_back(static_cast<char>(face));
  key.append(text);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  if (text.size() > kShortText) {
    return cache_.emplace(std::move(key), ShapeParagraph(metrics_, text, face)).first->second;
  }
  thread_local std::unordered_map<std::string, ShapedParagraph> shared;
  std::string shared_key = key;
  uint64_t id = metrics_.id();
  shared_key.append(reinterpret_cast<const char*>(&id), sizeof id);
  auto hit = shared.find(shared_key);
  if (hit == shared.end()) {
    if (shared.size() >= kMaxShortTexts) shared.clear();
    hit = shared.emplace(std::move(shared_key), ShapeParagraph(metrics_, text, face)).first;
  }
  return cache_.emplace(std::move(key), hit->second).first->second;
}

double TextShaper::Width(std::string_view text, int face, double size) const {
  const ShapedParagraph& p = Shaped(text, face);
  return p.prefix.back() * size / 1000;
}

double TextShaper::MinWidth(std::string_view text, int face, double size) const {
  const ShapedParagraph& p = Shaped(text, face);
  const int n = static_cast<int>(p.code_points.size());
  double widest = 0;
  int start = 0;
  for (int i = 1; i <= n; ++i) {
    if (i == n || p.breaks[static_cast<size_t>(i)]) {
      widest = std::max(widest, p.Width(start, p.TrimEnd(start, i)));
      start = i;
    }
  }
  return widest * size / 1000;
}

TextLine TextShaper::MakeLine(const ShapedParagraph& p, int a, int b, double size) const {
  TextLine line;
  line.runs = LineRuns(metrics_, p, a, b);
  line.text = DrawnText(p, a, b);
  line.code_points.assign(p.code_points.begin() + a, p.code_points.begin() + b);
  line.first = a;
  double units = 0;
  for (const GlyphRun& r : line.runs) units += r.Advance();
  line.width = units * size / 1000;
  line.face = p.face;
  line.rtl = p.base_level & 1;
  return line;
}

TextLine TextShaper::Line(std::string_view text, int face, double size,
                          std::vector<int>* missing) const {
  const ShapedParagraph& p = Shaped(text, face);
  if (missing) missing->insert(missing->end(), p.missing.begin(), p.missing.end());
  const int n = static_cast<int>(p.code_points.size());
  return MakeLine(p, 0, p.TrimEnd(0, n), size);
}

std::vector<TextLine> TextShaper::Wrap(std::string_view text, int face, double size,
                                       double max_width, std::vector<int>* missing) const {
  std::vector<TextLine> lines;
  const ShapedParagraph& p = Shaped(text, face);
  if (missing) missing->insert(missing->end(), p.missing.begin(), p.missing.end());
  const int n = static_cast<int>(p.code_points.size());
  // Widths in 1/1000 em: max_width in points at `size` is this many units.
  const double limit = max_width * 1000 / size + 1e-6;
  int start = 0;
  while (start < n) {
    // The furthest break opportunity whose line (trailing spaces hanging) fits.
    int fit = -1;
    for (int e = start + 1; e <= n; ++e) {
      if (e < n && !p.breaks[static_cast<size_t>(e)]) continue;
      if (p.Width(start, p.TrimEnd(start, e)) > limit) break;
      fit = e;
    }
    int end;
    int next;
    if (fit > 0) {
      end = p.TrimEnd(start, fit);
      next = fit;
    } else {
      // Not even the first word fits: as many whole clusters of it as
      // fit, at least one.
      int word_end = start + 1;
      while (word_end < n && !p.breaks[static_cast<size_t>(word_end)]) ++word_end;
      end = start + 1;
      while (end < n && !p.cluster_start[static_cast<size_t>(end)]) ++end;
      while (end < word_end) {
        int e = end + 1;
        while (e < n && !p.cluster_start[static_cast<size_t>(e)]) ++e;
        if (e > word_end || p.Width(start, e) > limit) break;
        end = e;
      }
      next = end;
      end = p.TrimEnd(start, end);
      if (end == start) end = next;
    }
    if (end > start) lines.push_back(MakeLine(p, start, end, size));
    start = next;
  }
  return lines;
}

}  // namespace brief
