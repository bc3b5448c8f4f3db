// Diagnostics as values: what went wrong, where, and what would be accepted.
#pragma once

#include <string>
#include <vector>

namespace brief {

enum class Severity { kError, kWarning };

// One problem in one input. line and column are 1-based (column counts code
// points); 0 means "the whole file". path is the brief path such as
// "revenue[1].currency", empty for file-level problems.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  int column = 0;
  std::string path;
  std::string message;
  std::string hint;  // Optional extra advice, printed on its own line.
  // Code points the mistake spans from `column` on its line (what an
  // excerpt underlines); 0 for just the one position.
  int length = 0;
};

// "file:line:col: error: path: message" (parts that are empty or 0 left out),
// followed by "\n  hint: ..." when there is a hint.
std::string FormatDiagnostic(const Diagnostic& d);

// One JSON object (no trailing newline) with the same fields.
std::string DiagnosticJson(const Diagnostic& d);

// A JSON array of DiagnosticJson objects.
std::string DiagnosticsJson(const std::vector<Diagnostic>& diagnostics);

// JSON string literal for text (quotes included).
std::string JsonQuote(const std::string& text);

// Stable sort into file order: by line, then column.
void SortByPosition(std::vector<Diagnostic>* diagnostics);

// "1 brief", "3 briefs": a count and an English noun for messages.
std::string Plural(long long n, const char* word);

// Number of diagnostics with the given severity.
int CountSeverity(const std::vector<Diagnostic>& diagnostics, Severity severity);

}  // namespace brief
