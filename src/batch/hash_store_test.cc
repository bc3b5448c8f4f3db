#include "batch/hash_store.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <doctest/doctest.h>

#include "base/sha256.h"
#include "batch/freshness.h"

namespace brief {

namespace {

long long NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string TempDir() {
  char name[] = "/tmp/brief_hash_store_XXXXXX";
  return mkdtemp(name);
}

// A file of `size` bytes of `fill`. It was changed just now, so tests that
// store its hash pass a "now" well after it (see kRacyNanoseconds).
void WriteFile(const std::string& path, size_t size, char fill) {
  std::ofstream(path, std::ios::binary) << std::string(size, fill);
}

}  // namespace

TEST_CASE("hash store: text round-trips, and any damage makes the whole store invalid") {
  std::map<std::string, StoredHash> entries;
  entries["/usr/share/fonts/a b.ttf"] = {{1, 2, 300000, 4, 5}, std::string(64, 'a')};
  entries["/fonts/c.ttf"] = {{7, 8, 900000, -1, 10}, std::string(64, '0')};
  std::string text = FormatHashStore(entries);
  std::map<std::string, StoredHash> back;
  REQUIRE(ParseHashStore(text, &back));
  CHECK(back.size() == 2);
  CHECK(back["/usr/share/fonts/a b.ttf"].stamp == FileStamp{1, 2, 300000, 4, 5});
  CHECK(back["/fonts/c.ttf"].sha256 == std::string(64, '0'));
  // One changed digit, a truncation, another version: nothing is trusted.
  std::string flipped = text;
  flipped[flipped.find("300000")] = '4';
  CHECK_FALSE(ParseHashStore(flipped, &back));
  CHECK(back.empty());
  CHECK_FALSE(ParseHashStore(text.substr(0, text.size() - 1), &back));
  std::string other = text;
  other.replace(other.find(" 1\n"), 3, " 2\n");
  CHECK_FALSE(ParseHashStore(other, &back));
  CHECK_FALSE(ParseHashStore("", &back));
}

TEST_CASE("hash store: a stored hash is used only while the file's stamp is the same") {
  std::string dir = TempDir();
  std::string font = dir + "/font.ttf", store_file = dir + "/cache/file-hashes";
  WriteFile(font, kStoredHashMinBytes, 'x');
  DiskFileSystem disk;
  FileStamp stamp;
  REQUIRE(disk.Stamp(font, &stamp));
  CHECK(stamp.size == kStoredHashMinBytes);
  std::string real = Sha256Hex(std::string(kStoredHashMinBytes, 'x'));
  long long later = NowNs() + 10 * kRacyNanoseconds;
  {
    HashStore store(store_file);
    // A file changed just now is not stored: a second change within the
    // timestamp granularity would not show in its stamp.
    store.Put(font, stamp, real, NowNs());
    CHECK(store.Find(font, stamp) == nullptr);
    // An older one is; a different stamp misses.
    store.Put(font, stamp, std::string(64, 'b'), later);
    REQUIRE(store.Find(font, stamp) != nullptr);
    FileStamp other = stamp;
    other.ctime_ns += 1;
    CHECK(store.Find(font, other) == nullptr);
    std::string error;
    REQUIRE(store.Save(disk, &error));
  }
  // The next run reads it back, and the run's hashes come from it (the
  // stored value is deliberately not the file's, to show it is used).
  HashStore store(store_file);
  REQUIRE(store.Find(font, stamp) != nullptr);
  HashCache hashes(disk, &store);
  CHECK(hashes.Get(font) == std::string(64, 'b'));
  // Without the store, or once the file is rewritten, the file is read.
  HashCache plain(disk);
  CHECK(plain.Get(font) == real);
  // Rewritten with the same size: its ctime moves on (waiting out the
  // clock's granularity if need be).
  FileStamp rewritten = stamp;
  while (rewritten == stamp) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    WriteFile(font, kStoredHashMinBytes, 'y');
    REQUIRE(disk.Stamp(font, &rewritten));
  }
  HashCache after(disk, &store);
  CHECK(after.Get(font) == Sha256Hex(std::string(kStoredHashMinBytes, 'y')));
  // A damaged store file starts empty.
  std::ofstream(store_file, std::ios::app) << "junk\n";
  HashStore damaged(store_file);
  CHECK(damaged.Find(font, stamp) == nullptr);
  std::filesystem::remove_all(dir);
}

TEST_CASE("hash store: saving merges with what another run saved, and drops files gone") {
  std::string dir = TempDir();
  std::string a = dir + "/a.ttf", b = dir + "/b.ttf", store_file = dir + "/file-hashes";
  WriteFile(a, kStoredHashMinBytes, 'a');
  WriteFile(b, kStoredHashMinBytes, 'b');
  DiskFileSystem disk;
  FileStamp sa, sb;
  REQUIRE(disk.Stamp(a, &sa));
  REQUIRE(disk.Stamp(b, &sb));
  long long later = NowNs() + 10 * kRacyNanoseconds;
  std::string error;
  HashStore first(store_file), second(store_file);  // Two runs at once.
  first.Put(a, sa, std::string(64, '1'), later);
  second.Put(b, sb, std::string(64, '2'), later);
  REQUIRE(first.Save(disk, &error));
  REQUIRE(second.Save(disk, &error));
  HashStore both(store_file);
  CHECK(both.Find(a, sa) != nullptr);
  CHECK(both.Find(b, sb) != nullptr);
  std::filesystem::remove(a);
  both.Put(b, sb, std::string(64, '3'), later);
  REQUIRE(both.Save(disk, &error));
  std::map<std::string, StoredHash> entries;
  std::ifstream in(store_file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(ParseHashStore(text, &entries));
  CHECK(entries.size() == 1);
  CHECK(entries.count(b) == 1);
  // Small files are never stored: hashing them is cheaper than the store.
  std::string small = dir + "/brief.yaml";
  WriteFile(small, 100, 's');
  HashCache hashes(disk, &both);
  CHECK(hashes.Get(small) == Sha256Hex(std::string(100, 's')));
  std::filesystem::remove_all(dir);
}

TEST_CASE("hash store: the cache folder follows XDG, relative values ignored") {
  auto env = [](std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  };
  CHECK(CacheDirectory(env({{"XDG_CACHE_HOME", "/x/cache"}, {"HOME", "/home/u"}})) == "/x/cache/brief");
  CHECK(CacheDirectory(env({{"XDG_CACHE_HOME", "rel"}, {"HOME", "/home/u"}})) == "/home/u/.cache/brief");
  CHECK(CacheDirectory(env({})) == "");
}

}  // namespace brief
