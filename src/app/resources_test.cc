#include "app/resources.h"

#include <doctest/doctest.h>

using namespace brief;

TEST_CASE("resources: the search path, in its documented order") {
  auto env = [](const char* name) -> const char* {
    std::string n = name;
    if (n == "BRIEF_HOME") return "/home/u/brief";
    if (n == "HOME") return "/home/u";
    if (n == "XDG_DATA_DIRS") return "/opt/share:relative:/usr/share/";
    return nullptr;
  };
  std::vector<ResourceDir> dirs = ResourceSearchPath("/flag", env, "/opt/brief/bin/brief");
  std::vector<std::string> paths, origins;
  for (const ResourceDir& d : dirs) {
    paths.push_back(d.path);
    origins.push_back(d.origin);
  }
  CHECK(paths == std::vector<std::string>{"/flag", "/home/u/brief", "/home/u/.local/share/brief", "/opt/share/brief",
                                          "/usr/share/brief", "/opt/brief/share/brief", "/opt/brief"});
  CHECK(origins == std::vector<std::string>{"--resources", "$BRIEF_HOME", "$XDG_DATA_HOME", "$XDG_DATA_DIRS",
                                            "$XDG_DATA_DIRS", "install prefix", "source tree"});
  auto none = [](const char*) -> const char* { return nullptr; };
  std::vector<ResourceDir> defaults = ResourceSearchPath("", none, "");
  REQUIRE(defaults.size() == 2);
  CHECK(defaults[0].path == "/usr/local/share/brief");
  CHECK(defaults[1].path == "/usr/share/brief");
}

TEST_CASE("resources: the first folder with the template wins, and a path is taken as given") {
  MemoryFileSystem fs;
  fs.Add("/user/templates/classic.yaml", "x");
  fs.Add("/user/templates/mine.yaml", "x");
  fs.Add("/sys/templates/classic.yaml", "x");
  fs.Add("/sys/fonts/README.md", "x");
  std::vector<ResourceDir> dirs = {{"/user", "$XDG_DATA_HOME"}, {"/sys", "install prefix"}};
  auto found = FindTemplate(fs, dirs, "classic");
  REQUIRE(found);
  CHECK(found->path == "/user/templates/classic.yaml");
  CHECK(found->fonts_dir == "");
  CHECK(FindTemplate(fs, {{"/sys", ""}}, "classic")->fonts_dir == "/sys/fonts");
  CHECK_FALSE(FindTemplate(fs, dirs, "nope"));
  CHECK(FindTemplate(fs, dirs, "my/own.yaml")->path == "my/own.yaml");
  std::vector<TemplateEntry> list = ListTemplates(fs, dirs);
  REQUIRE(list.size() == 3);
  CHECK(list[0].name == "classic");
  CHECK_FALSE(list[0].shadowed);
  CHECK(list[1].name == "mine");
  CHECK(list[2].name == "classic");
  CHECK(list[2].shadowed);
}
