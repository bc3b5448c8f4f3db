#include "base/diagnostic.h"

#include "base/utf8.h"

#include <algorithm>

#include <fmt/format.h>

namespace brief {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += fmt::format(":{}:{}", d.line, d.column);
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  if (!d.path.empty()) out += d.path + ": ";
  out += d.message;
  if (!d.hint.empty()) out += "\n  hint: " + d.hint;
  return out;
}

std::string JsonQuote(const std::string& text) {
  std::string out = "\"";
  // JSON is UTF-8: a byte that is not part of valid UTF-8 (a file name in
  // another encoding) is written as U+FFFD.
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t next = i;
      if (DecodeUtf8(text, &next) < 0) {
        out += "\\ufffd";
      } else {
        out.append(text, i, next - i);
      }
      i = next;
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string DiagnosticJson(const Diagnostic& d) {
  return fmt::format(
      R"({{"severity":{},"file":{},"line":{},"column":{},"path":{},"message":{},"hint":{}}})",
      JsonQuote(d.severity == Severity::kError ? "error" : "warning"), JsonQuote(d.file), d.line,
      d.column, JsonQuote(d.path), JsonQuote(d.message), JsonQuote(d.hint));
}

std::string DiagnosticsJson(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "[";
  for (const Diagnostic& d : diagnostics) out += (out.size() > 1 ? "," : "") + DiagnosticJson(d);
  return out + "]";
}

std::string Plural(long long n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void SortByPosition(std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.line != b.line) return a.line < b.line;
                     return a.column < b.column;
                   });
}

int CountSeverity(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace brief
