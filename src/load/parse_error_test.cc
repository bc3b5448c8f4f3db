#include "load/parse_error.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("parse errors: a missing space after a colon is reported on its own line") {
  std::string source = "company:\n  name: Acme\n  founded:1996\n  industry: Tools\n";
  // yaml-cpp gives up at the next key, line 4.
  ParseProblem p = ExplainParseError("illegal map value", 4, 11, source);
  CHECK(p.line == 3);
  CHECK(p.column == 3);
  CHECK(p.length == 12);
  CHECK(p.hint == "write 'founded: 1996'");
  CHECK(LooksLikeUnspacedKey("founded:1996"));
  CHECK_FALSE(LooksLikeUnspacedKey("https://example.com"));
  CHECK_FALSE(LooksLikeUnspacedKey("name: Acme"));
  CHECK_FALSE(LooksLikeUnspacedKey("12:30"));
}

TEST_CASE("parse errors: a dedented key is reported on its line, an over-indented one on its own") {
  std::string dedented = "company:\n  name: Acme\n  founded: 1990\nindustry: Tools\n  summary: x\n";
  ParseProblem d = ExplainParseError("illegal map value", 5, 10, dedented);
  CHECK(d.line == 4);
  CHECK(d.column == 1);
  CHECK(d.length == 8);
  CHECK(d.hint == "start it in column 3, like 'founded' on line 3");
  std::string indented = "company:\n  name: Acme\n   founded: 1990\n";
  ParseProblem i = ExplainParseError("illegal map value", 3, 14, indented);
  CHECK(i.line == 3);
  CHECK(i.column == 4);
  CHECK(i.hint == "start it in column 3, like 'name' on line 2");
}

TEST_CASE("parse errors: an unclosed bracket is reported where it opens, not where the file ends") {
  std::string source = "name: Acme [GmbH]\nhistory: [ {date: 1990, event: \"a ] b\"}\n# [ in a comment\nsources:\n";
  ParseProblem p = ExplainParseError("end of sequence flow not found", 4, 1, source);
  CHECK(p.line == 2);
  CHECK(p.column == 10);
  CHECK(p.message == "YAML syntax error: this '[' list is never closed with ']'");
  ParseProblem m = ExplainParseError("end of map flow not found", 2, 1, "a: {b: 1\n");
  CHECK(m.line == 1);
  CHECK(m.column == 4);
}

TEST_CASE("parse errors: a tab in the indentation is named at the tab") {
  ParseProblem p = ExplainParseError("end of map not found", 2, 2, "a:\n \tb: 1\n");
  CHECK(p.line == 2);
  CHECK(p.column == 2);
  CHECK(p.message == "a tab is used for indentation; YAML allows only spaces there");
}
