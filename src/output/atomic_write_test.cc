#include "output/atomic_write.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

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

TEST_CASE("atomic write: a replaced file keeps its permissions") {
  fs::path dir = fs::temp_directory_path() / "brief_atomic_mode";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path file = dir / "x.pdf";
  std::string error;
  REQUIRE(WriteFileAtomically(file.string(), "first", &error));
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);  // 0600
  REQUIRE(WriteFileAtomically(file.string(), "second", &error));
  CHECK(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove_all(dir);
}

TEST_CASE("atomic write: temporary files of a killed run are removed, not those still being written") {
  fs::path dir = fs::temp_directory_path() / "brief_atomic_stale";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / ".a.pdf.brief-tmp-Ab12Cd") << "half a PDF";   // Its writer died.
  std::ofstream(dir / ".b.pdf.brief-tmp-Xy34Zw") << "being written";
  std::ofstream(dir / "notes.brief-tmp-123456") << "not ours: no leading dot";
  std::ofstream(dir / ".c.pdf.brief-tmp-1234") << "not ours: wrong length";
  int held = open((dir / ".b.pdf.brief-tmp-Xy34Zw").c_str(), O_RDONLY);
  REQUIRE(held >= 0);
  REQUIRE(flock(held, LOCK_EX) == 0);  // As a writer in another process holds it.
  // flock locks belong to the open file description: a second open in this
  // process conflicts with it just as another process's would.
  CHECK(RemoveStaleTemporaries(dir.string()) == 1);
  CHECK_FALSE(fs::exists(dir / ".a.pdf.brief-tmp-Ab12Cd"));
  CHECK(fs::exists(dir / ".b.pdf.brief-tmp-Xy34Zw"));
  CHECK(fs::exists(dir / "notes.brief-tmp-123456"));
  CHECK(fs::exists(dir / ".c.pdf.brief-tmp-1234"));
  close(held);
  fs::remove_all(dir);
}
