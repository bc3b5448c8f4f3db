#include "output/atomic_write.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace brief;
namespace fs = std::filesystem;

namespace {
std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("atomic write: replaces the file whole and leaves no temporary behind") {
  fs::path dir = fs::temp_directory_path() / "brief_atomic_test";
  fs::remove_all(dir);
  std::string error;
  REQUIRE(EnsureDirectory((dir / "a" / "b").string(), &error));
  fs::path file = dir / "a" / "b" / "x.pdf";
  REQUIRE(WriteFileAtomically(file.string(), "first", &error));
  REQUIRE(WriteFileAtomically(file.string(), "second", &error));
  CHECK(Read(file) == "second");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(file.parent_path())) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 1);
  CHECK((fs::status(file).permissions() & fs::perms::others_read) != fs::perms::none);
  fs::remove_all(dir);
}

TEST_CASE("atomic write: a failure says why and keeps the earlier file") {
  fs::path dir = fs::temp_directory_path() / "brief_atomic_fail";
  fs::remove_all(dir);
  fs::create_directories(dir / "x.pdf");  // A folder where the file should go.
  std::string error;
  CHECK_FALSE(WriteFileAtomically((dir / "x.pdf").string(), "data", &error));
  CHECK(error.find("cannot write") == 0);
  CHECK(fs::is_directory(dir / "x.pdf"));
  CHECK_FALSE(WriteFileAtomically((dir / "missing" / "y.pdf").string(), "data", &error));
  CHECK(error.find("cannot create a file in") == 0);
  std::ofstream(dir / "file") << "x";
  CHECK_FALSE(EnsureDirectory((dir / "file").string(), &error));
  fs::remove_all(dir);
}
