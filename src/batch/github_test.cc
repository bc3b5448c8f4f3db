#include "batch/github.h"

#include <doctest/doctest.h>

namespace brief {

namespace {

// What the Actions runner makes of a workflow command line: the command,
// its properties, and the message, unescaped as the runner does.
struct Parsed {
  std::string command, properties, message;
};

std::string Unescape(std::string s, bool property) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
  };
  replace("%0D", "\r");
  replace("%0A", "\n");
  if (property) {
    replace("%3A", ":");
    replace("%2C", ",");
  }
  replace("%25", "%");
  return s;
}

Parsed Parse(const std::string& line) {
  REQUIRE(line.rfind("::", 0) == 0);
  size_t end = line.find("::", 2);  // The first "::" after the command ends it.
  REQUIRE(end != std::string::npos);
  std::string head = line.substr(2, end - 2);
  size_t space = head.find(' ');
  return {head.substr(0, space), space == std::string::npos ? "" : head.substr(space + 1),
          Unescape(line.substr(end + 2), false)};
}

}  // namespace

TEST_CASE("github: annotations escape %, newlines and colons so the runner reads them back whole") {
  Diagnostic d{Severity::kError, "briefs/a:b,c.yaml", 3, 7, "revenue[1].amount",
               "100% wrong:: see\nnext line", "write it as a number"};
  std::string line = GithubAnnotation(d);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line ==
        "::error file=briefs/a%3Ab%2Cc.yaml,line=3,col=7,title=brief%3A revenue[1].amount::"
        "100%25 wrong:: see%0Anext line%0Ahint: write it as a number");
  Parsed p = Parse(line);
  CHECK(p.command == "error");
  CHECK(p.message == "100% wrong:: see\nnext line\nhint: write it as a number");
  // Properties split at ',' and '=' give back the file name and title.
  CHECK(p.properties.find("file=briefs/a%3Ab%2Cc.yaml,") == 0);
  CHECK(Unescape("briefs/a%3Ab%2Cc.yaml", true) == "briefs/a:b,c.yaml");
  // A message with "::" and a title with "::": still one command, cut right.
  Diagnostic colons{Severity::kWarning, "x.yaml", 0, 0, "a::b", "::error file=evil::boom", ""};
  Parsed q = Parse(GithubAnnotation(colons));
  CHECK(q.command == "warning");
  CHECK(q.properties == "file=x.yaml,title=brief%3A a%3A%3Ab");  // No line for a whole-file problem.
  CHECK(q.message == "::error file=evil::boom");
  CHECK(GithubEscapeData("a\r\nb%") == "a%0D%0Ab%25");
}

}  // namespace brief
