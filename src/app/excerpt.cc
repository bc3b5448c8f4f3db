#include "app/excerpt.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "base/utf8.h"
#include "load/yaml_loader.h"
#include "text/unicode.h"

namespace brief {

namespace {

// A source line as the terminal shows it: each code point's text and width.
struct Cell {
  std::string text;
  int width = 1;
};

std::vector<Cell> Cells(std::string_view line) {
  std::vector<Cell> cells;
  for (size_t pos = 0; pos < line.size();) {
    int cp = DecodeUtf8(line, &pos);
    Cell cell;
    if (cp == '\t') {
      cell.text = "    ";
      cell.width = 4;
    } else if (cp < 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || IsBidiControl(cp)) {
      // What would move the cursor, change the terminal's state or reorder
      // the line is shown as a replacement character, in its place.
      AppendUtf8(0xFFFD, &cell.text);
    } else {
      AppendUtf8(cp, &cell.text);
      cell.width = DisplayWidth(cp);
    }
    cells.push_back(std::move(cell));
  }
  return cells;
}

struct Palette {
  std::string severity, bold, blue, reset;
};

Palette Colors(Severity severity, bool color) {
  if (!color) return {};
  return {severity == Severity::kError ? "\033[1;31m" : "\033[1;35m", "\033[1m", "\033[1;34m", "\033[0m"};
}

std::string ShortText(const Diagnostic& d, bool color) {
  std::string text = FormatDiagnostic(d);
  if (!color) return text + "\n";
  Palette p = Colors(d.severity, true);
  const char* label = d.severity == Severity::kError ? ": error: " : ": warning: ";
  size_t at = text.find(label);
  if (at != std::string::npos) {
    std::string word(label + 2, std::char_traits<char>::length(label) - 4);
    text.replace(at + 2, word.size(), p.severity + word + p.reset);
  }
  return text + "\n";
}

}  // namespace

void SourceLines::Add(const std::string& file, std::string text) { Index(file, std::move(text)); }

SourceLines::File& SourceLines::Index(const std::string& file, std::string text) {
  File& f = files_[file];
  f.text = std::move(text);
  size_t start = f.text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // As the loader counts lines.
  f.starts = {start};
  for (size_t i = start; i < f.text.size(); ++i) {
    if (f.text[i] == '\n') f.starts.push_back(i + 1);
  }
  return f;
}

std::string_view SourceLines::Line(const std::string& file, int line) {
  auto it = files_.find(file);
  if (it == files_.end()) {
    std::string text, error;
    // The loader refuses larger files, so their lines are never needed.
    if (!fs_.Read(file, LoadLimits().max_bytes, &text, &error)) text.clear();
    Index(file, std::move(text));
    it = files_.find(file);
  }
  const File& f = it->second;
  if (line < 1 || static_cast<size_t>(line) > f.starts.size()) return {};
  std::string_view text = std::string_view(f.text).substr(f.starts[static_cast<size_t>(line - 1)]);
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::string DiagnosticText(const Diagnostic& d, DiagnosticStyle style, bool color,
                           std::string_view line_text) {
  if (style == DiagnosticStyle::kShort) return ShortText(d, color);
  Palette p = Colors(d.severity, color);
  std::string out = p.severity + (d.severity == Severity::kError ? "error" : "warning") + p.reset +
                    p.bold + ": " + (d.path.empty() ? "" : d.path + ": ") + d.message + p.reset + "\n";
  int gutter = d.line > 0 ? static_cast<int>(std::to_string(d.line).size()) : 1;
  std::string pad(static_cast<size_t>(gutter), ' ');
  std::string where = d.file;
  if (d.line > 0) where += fmt::format(":{}:{}", d.line, d.column);
  out += pad + p.blue + "-->" + p.reset + " " + where + "\n";
  std::string bar = pad + " " + p.blue + "|" + p.reset;
  if (d.line > 0 && (!line_text.empty() || d.column <= 1)) {
    std::vector<Cell> cells = Cells(line_text);
    // The underlined code points [first, last), and the columns before them.
    size_t first = static_cast<size_t>(std::max(d.column, 1) - 1);
    size_t last = first + static_cast<size_t>(std::max(d.length, 1));
    first = std::min(first, cells.size());
    last = std::min(last, cells.size());
    // A window of the line around the mistake when the line is long.
    constexpr int kMaxWidth = 120, kBefore = 40;
    int total = 0, before = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i < first) before += cells[i].width;
      total += cells[i].width;
    }
    size_t begin = 0, end = cells.size();
    if (total > kMaxWidth) {
      int skipped = 0;
      while (begin < first && before - skipped > kBefore) skipped += cells[begin++].width;
      int shown = 0;
      end = begin;
      while (end < cells.size() && (shown + cells[end].width <= kMaxWidth - kBefore / 2 || end <= first)) {
        shown += cells[end++].width;
      }
    }
    std::string shown_line = begin > 0 ? "..." : "";
    std::string marks(begin > 0 ? 3 : 0, ' ');
    for (size_t i = begin; i < end; ++i) {
      shown_line += cells[i].text;
      if (i < first) marks.append(static_cast<size_t>(cells[i].width), ' ');
    }
    if (end < cells.size()) shown_line += "...";
    int underline = 0;
    for (size_t i = first; i < last && i < end; ++i) underline += cells[i].width;
    marks += p.severity + std::string(static_cast<size_t>(std::max(underline, 1)), '^') + p.reset;
    out += bar + "\n";
    out += p.blue + fmt::format("{:>{}}", d.line, gutter) + " |" + p.reset +
           (shown_line.empty() ? "" : " " + shown_line) + "\n";
    out += bar + " " + marks + "\n";
  }
  if (!d.hint.empty()) out += pad + " " + p.blue + "=" + p.reset + " " + p.bold + "hint" + p.reset + ": " + d.hint + "\n";
  return out + "\n";
}

}  // namespace brief
