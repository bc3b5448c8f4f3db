#include "app/inputs.h"

#include <doctest/doctest.h>

namespace brief {

TEST_CASE("inputs: -r walks sub-folders in order and keeps each brief's path under its folder") {
  MemoryFileSystem fs;
  fs.Add("in/b.yaml", "");
  fs.Add("in/a.yml", "");
  fs.Add("in/notes.txt", "");
  fs.Add("in/europe/volvo.yaml", "");
  fs.Add("in/europe/nordic/volvo.yaml", "");
  fs.Add("in/.git/x.yaml", "");
  fs.Add("solo/c.yaml", "");
  std::vector<Diagnostic> problems;
  std::vector<InputFile> flat = ExpandInputs(fs, {"in"}, false, &problems);
  REQUIRE(flat.size() == 2);
  CHECK(flat[0].relative == "a.yml");
  std::vector<InputFile> all = ExpandInputs(fs, {"in", "solo/c.yaml"}, true, &problems);
  CHECK(problems.empty());
  std::vector<std::string> got;
  for (const InputFile& f : all) got.push_back(f.path + " → " + OutputName(f));
  CHECK(got == std::vector<std::string>{"in/a.yml → a.pdf", "in/b.yaml → b.pdf",
                                        "in/europe/volvo.yaml → europe/volvo.pdf",
                                        "in/europe/nordic/volvo.yaml → europe/nordic/volvo.pdf",
                                        "solo/c.yaml → c.pdf"});
  // A folder of sub-folders only: said, with the option that reads them.
  MemoryFileSystem nested;
  nested.Add("batch/one/a.yaml", "");
  ExpandInputs(nested, {"batch"}, false, &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "folder holds no .yaml or .yml files (only sub-folders: -r reads those too)");
}


TEST_CASE("inputs: hidden files in a folder are not briefs (an editor's lock and backup files)") {
  MemoryFileSystem fs;
  fs.Add("b/acme.yaml", "x");
  fs.Add("b/.#acme.yaml", "x");
  fs.Add("b/.acme.yaml.swp.yaml", "x");
  std::vector<Diagnostic> problems;
  std::vector<InputFile> files = ExpandInputs(fs, {"b"}, false, &problems);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == "b/acme.yaml");
  CHECK(problems.empty());
  // Named on the command line, a hidden file is taken.
  CHECK(ExpandInputs(fs, {"b/.#acme.yaml"}, false, &problems).size() == 1);
}

}  // namespace brief
