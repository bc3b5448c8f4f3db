#include "app/excerpt.h"

#include <doctest/doctest.h>

using namespace brief;

namespace {
Diagnostic At(int line, int column, int length, std::string hint = "") {
  return {Severity::kError, "x.yaml", line, column, "company.name", "bad", std::move(hint), length};
}
}  // namespace

TEST_CASE("excerpt: the line, a caret under the span, the hint") {
  CHECK(DiagnosticText(At(3, 9, 4, "fix it"), DiagnosticStyle::kExcerpt, false, "  name: Acme") ==
        "error: company.name: bad\n"
        " --> x.yaml:3:9\n"
        "  |\n"
        "3 |   name: Acme\n"
        "  |         ^^^^\n"
        "  = hint: fix it\n"
        "\n");
  CHECK(DiagnosticText(At(3, 9, 4, "fix it"), DiagnosticStyle::kShort, false) ==
        "x.yaml:3:9: error: company.name: bad\n  hint: fix it\n");
}

TEST_CASE("excerpt: wide characters, tabs and controls keep the caret under the mistake") {
  // Two CJK characters take four columns; the tab shows as four spaces.
  std::string text = DiagnosticText(At(1, 8, 2), DiagnosticStyle::kExcerpt, false, "\tname: 比亚迪");
  CHECK(text.find("1 |     name: 比亚迪\n  |           ^^^^\n") != std::string::npos);
  // An escape character is shown as U+FFFD, never sent to the terminal.
  std::string control = DiagnosticText(At(1, 7, 1), DiagnosticStyle::kExcerpt, false, "name: \x1b[31mx");
  CHECK(control.find('\x1b') == std::string::npos);
  CHECK(control.find("name: \xEF\xBF\xBD[31mx") != std::string::npos);
}

TEST_CASE("excerpt: a long line is cut to a window around the mistake") {
  std::string line = "summary: " + std::string(300, 'a') + "MISTAKE" + std::string(300, 'b');
  std::string text = DiagnosticText(At(1, 310, 7), DiagnosticStyle::kExcerpt, false, line);
  size_t row = text.find("1 | ...");
  REQUIRE(row != std::string::npos);
  std::string shown = text.substr(row, text.find('\n', row) - row);
  CHECK(shown.size() < 140);
  CHECK(shown.find("MISTAKE") != std::string::npos);
  std::string marks = text.substr(text.find('\n', row) + 1);
  CHECK(marks.find("^^^^^^^") - marks.find('|') == shown.find("MISTAKE") - shown.find('|'));
}

TEST_CASE("excerpt: colour only when asked for, file-level problems without a line") {
  Diagnostic d{Severity::kWarning, "x.yaml", 0, 0, "", "whole file", ""};
  CHECK(DiagnosticText(d, DiagnosticStyle::kExcerpt, false) == "warning: whole file\n --> x.yaml\n\n");
  std::string colored = DiagnosticText(At(1, 1, 1), DiagnosticStyle::kExcerpt, true, "x");
  CHECK(colored.find("\033[1;31merror\033[0m") == 0);
}
