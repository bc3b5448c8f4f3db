#include "batch/orphans.h"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "base/sha256.h"

namespace brief {

TEST_CASE("orphans: pruning removes only files brief wrote, inside OUT, still as written") {
  namespace fs = std::filesystem;
  char name[] = "/tmp/brief_orphans_XXXXXX";
  std::string root = mkdtemp(name);
  std::string out = root + "/out";
  fs::create_directories(out + "/sub");
  auto write = [](const std::string& path, const std::string& text) { std::ofstream(path) << text; };
  write(out + "/gone.pdf", "gone");
  write(out + "/sub/deep.pdf", "deep");
  write(out + "/edited.pdf", "edited later");
  write(out + "/kept.pdf", "still produced");
  write(root + "/outside.pdf", "outside");  // Next to OUT: a manifest may not reach it.
  write(out + "/brief.yaml", "not a PDF");
  fs::create_directories(root + "/elsewhere");
  write(root + "/elsewhere/linked.pdf", "linked");
  fs::create_directory_symlink("../elsewhere", out + "/link");  // A sub-folder that is a link out.
  Manifest old;
  old.orphans = {{"gone.pdf", Sha256Hex("gone"), "a.yaml"},
                 {"../outside.pdf", Sha256Hex("outside"), "x.yaml"},
                 {root + "/outside.pdf", Sha256Hex("outside"), "y.yaml"},
                 {"sub/../../outside.pdf", Sha256Hex("outside"), "z.yaml"},
                 {"brief.yaml", Sha256Hex("not a PDF"), "b.yaml"},
                 {"link/linked.pdf", Sha256Hex("linked"), "l.yaml"}};
  ManifestEntry e;
  e.status = BriefStatus::kRendered;
  for (auto [output, text] : {std::pair{"sub/deep.pdf", "deep"}, {"edited.pdf", "as written"}, {"kept.pdf", "still produced"}}) {
    e.output = output;
    e.sha256 = Sha256Hex(text);
    old.briefs.push_back(e);
  }
  DiskFileSystem disk;
  HashCache hashes(disk);
  std::optional<Manifest> manifest = old;
  OrphanOutcome listed = HandleOrphans(manifest, {"kept.pdf"}, out, false, disk, &hashes);
  CHECK(listed.pruned == 0);
  CHECK(listed.listed.size() == 4);  // gone, edited, sub/deep, link/linked: not the others.
  OrphanOutcome pruned = HandleOrphans(manifest, {"kept.pdf"}, out, true, disk, &hashes);
  CHECK(pruned.pruned == 2);
  CHECK(pruned.kept == std::vector<std::string>{out + "/edited.pdf", out + "/link/linked.pdf"});
  CHECK(pruned.listed.empty());
  CHECK_FALSE(fs::exists(out + "/gone.pdf"));
  CHECK_FALSE(fs::exists(out + "/sub"));  // Emptied, so removed.
  CHECK(fs::exists(out + "/edited.pdf"));
  CHECK(fs::exists(out + "/kept.pdf"));
  CHECK(fs::exists(root + "/outside.pdf"));
  CHECK(fs::exists(root + "/elsewhere/linked.pdf"));
  CHECK(fs::exists(out + "/brief.yaml"));
  fs::remove_all(root);
}

}  // namespace brief
