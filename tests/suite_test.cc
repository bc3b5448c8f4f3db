// The test suite itself: every test case must be one that CTest runs.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

TEST_CASE("suite: no test name holds a semicolon, which CTest would split into tests that run nothing") {
  int cases = 0;
  for (const char* dir : {"src", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      if (name.size() < 8 || name.compare(name.size() - 8, 8, "_test.cc") != 0) continue;
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) {
        size_t at = line.find("TEST_CASE(\"");
        if (at != 0) continue;
        ++cases;
        std::string title = line.substr(11, line.find("\")", 11) - 11);
        CHECK_MESSAGE(title.find(';') == std::string::npos, entry.path().string() << ": " << title);
      }
    }
  }
  CHECK(cases > 80);
}
