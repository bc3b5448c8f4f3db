#include "layout/text.h"

#include "base/utf8.h"

namespace brief {

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
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFEFF || cp == 0x200B) continue;
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

int TextShaper::FaceFor(int cp, int face, int* advance) const {
  int a = metrics_.Advance(face, cp);
  if (a >= 0) {
    *advance = a;
    return face;
  }
  for (int f = 2; f < metrics_.FaceCount(); ++f) {
    a = metrics_.Advance(f, cp);
    if (a >= 0) {
      *advance = a;
      return f;
    }
  }
  *advance = -1;
  return face;
}

double TextShaper::Width(std::string_view text, int face, double size) const {
  double units = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    int cp = DecodeUtf8(text, &pos);
    int advance;
    FaceFor(cp, face, &advance);
    if (advance > 0) units += advance;
  }
  return units * size / 1000;
}

std::vector<Run> TextShaper::Runs(std::string_view text, int face, double size,
                                  std::vector<int>* missing) const {
  std::vector<Run> runs;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    int cp = DecodeUtf8(text, &pos);
    int advance;
    int f = FaceFor(cp, face, &advance);
    if (advance < 0 && missing) missing->push_back(cp);
    if (runs.empty() || runs.back().face != f) runs.push_back({f, "", 0});
    runs.back().text.append(text.substr(start, pos - start));
    runs.back().width += (advance > 0 ? advance : 0) * size / 1000;
  }
  return runs;
}

std::vector<TextLine> TextShaper::Wrap(std::string_view text, int face, double size,
                                       double max_width, std::vector<int>* missing) const {
  std::vector<TextLine> lines;
  const double space = Width(" ", face, size);
  TextLine current;
  auto append = [&](TextLine* line, std::vector<Run> runs, double width) {
    for (Run& r : runs) {
      if (!line->runs.empty() && line->runs.back().face == r.face) {
        line->runs.back().text += r.text;
        line->runs.back().width += r.width;
      } else {
        line->runs.push_back(std::move(r));
      }
    }
    line->width += width;
  };
  auto flush = [&] {
    if (!current.runs.empty()) lines.push_back(std::move(current));
    current = TextLine();
  };
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    double width = Width(word, face, size);
    if (!current.runs.empty() && current.width + space + width <= max_width + 1e-6) {
      append(&current, Runs(" ", face, size, nullptr), space);
      append(&current, Runs(word, face, size, missing), width);
      continue;
    }
    flush();
    if (width <= max_width + 1e-6) {
      append(&current, Runs(word, face, size, missing), width);
      continue;
    }
    // A word wider than the line: break it between code points.
    size_t pos = 0;
    while (pos < word.size()) {
      size_t piece_start = pos;
      double piece_width = 0;
      while (pos < word.size()) {
        size_t next = pos;
        DecodeUtf8(word, &next);
        double w = Width(word.substr(pos, next - pos), face, size);
        if (piece_width + w > max_width && pos > piece_start) break;
        piece_width += w;
        pos = next;
      }
      append(&current, Runs(word.substr(piece_start, pos - piece_start), face, size, missing),
             piece_width);
      if (pos < word.size()) flush();
    }
  }
  flush();
  return lines;
}

}  // namespace brief
