// Diagnostics as people read them: the message, where it is, the source
// line with the mistake underlined, and the hint (as rustc and Typst print
// them); or one line each (GCC's form, for editors and grep).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"

namespace brief {

// The lines of the files diagnostics point into, read once per file
// through the FileSystem (or given, for text that is in no file).
class SourceLines {
 public:
  explicit SourceLines(const FileSystem& fs) : fs_(fs) {}

  // Uses `text` for `file` instead of reading it.
  void Add(const std::string& file, std::string text);

  // Line `line` (1-based) of `file` without its line end, as the loader
  // counted lines (a UTF-8 byte-order mark removed); "" when the file
  // cannot be read or is shorter.
  std::string_view Line(const std::string& file, int line);

 private:
  // A file's text and where each of its lines starts (read once).
  struct File {
    std::string text;
    std::vector<size_t> starts;
  };
  File& Index(const std::string& file, std::string text);

  const FileSystem& fs_;
  std::map<std::string, File> files_;
};

// Text output styles. kExcerpt: several lines per diagnostic, with the
// source; kShort: "file:line:col: error: path: message" and, on the next
// line, "  hint: ...".
enum class DiagnosticStyle { kExcerpt, kShort };

// One diagnostic as text, ending in a newline. `line_text` is the source
// line it points at (ignored for kShort and for file-level diagnostics).
// With `color`: ANSI colours as compilers use them (bold red errors, bold
// magenta warnings, blue gutter), else none.
//
// kExcerpt, for 'currency: RUR' on line 20:
//
//   error: revenue[1].currency: 'RUR' is not an ISO 4217 code (did you mean 'RUB'?)
//     --> x.yaml:20:15
//      |
//   20 |     currency: RUR
//      |               ^^^
//      = hint: RUR was replaced by RUB in 1998
//
// The underline covers d.length characters (at least one), measured in
// terminal columns (wide CJK characters count two, combining marks none);
// tabs show as four spaces and characters that would disturb a terminal
// (controls, invalid UTF-8) as U+FFFD. A very long line is cut to a window
// around the column, marked with "...".
std::string DiagnosticText(const Diagnostic& d, DiagnosticStyle style, bool color,
                           std::string_view line_text = {});

}  // namespace brief
