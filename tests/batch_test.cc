// Batches as CI runs them: the manifest, incremental runs, pruning,
// interruptions, shards and the reports CI servers read.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "batch/hash_store.h"
#include "tests/pdf_checks.h"
#include "tests/run_binary.h"

namespace fs = std::filesystem;

namespace {

// "output status" per brief of a manifest, one per line, in its order.
std::string ManifestStatus(const std::string& manifest) {
  return RunShell("/usr/bin/python3 -c 'import json, sys\n"
                  "for b in json.load(open(sys.argv[1]))[\"briefs\"]: print(b[\"output\"], b[\"status\"])' " +
                  manifest)
      .out;
}

void Write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Every file under dir, relative, sorted.
std::vector<std::string> FilesUnder(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), dir).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Shell words that wait (up to 30 s) until `count_command` prints a number
// of at least n.
std::string WaitFor(const std::string& count_command, int n) {
  return "for i in $(seq 600); do [ \"$(" + count_command + " 2>/dev/null)\" -ge " + std::to_string(n) +
         " ] 2>/dev/null && break; sleep 0.05; done; ";
}

// The summary line of a text-mode run.
std::string Summary(const Run& r) {
  size_t at = r.err.find("rendered ");
  return at == std::string::npos ? "" : WithoutTimes(r.err.substr(at, r.err.find(" (", at) - at));
}

}  // namespace

TEST_CASE("batch: -r renders a mixed tree, keeps its folders, reports each failure, writes the manifest") {
  TempDir in, out;
  fs::copy_file("briefs/avtotor.yaml", in.path + "/avtotor.yaml");
  Write(in.path + "/europe/acme.yaml", ReadWhole("tests/briefs/valid/minimal.yml"));
  Write(in.path + "/asia/acme.yaml", ReadWhole("tests/briefs/valid/cjk.yaml"));  // Same name, other folder.
  Write(in.path + "/asia/broken.yaml", ReadWhole("tests/briefs/invalid/version.yaml"));
  Write(in.path + "/.hidden/skipped.yaml", "not even YAML: [");
  Run flat = RunBrief("render --format short " + in.path + " -o " + out.path);
  CHECK(flat.status == 0);  // Without -r, the top folder only.
  CHECK(PdfsIn(out.path) == std::vector<std::string>{"avtotor.pdf"});
  Run r = RunBrief("render --format short -r " + in.path + " -o " + out.path);
  CHECK(r.status == 1);
  CHECK(r.err.find(in.path + "/asia/broken.yaml:1:8: error: brief: format version 2 is not supported") == 0);
  CHECK(Summary(r) == "rendered 2, up to date 1, failed 1 in T s");
  CHECK(r.err.find("  failed: " + in.path + "/asia/broken.yaml (1 error)\n") != std::string::npos);
  CHECK(FilesUnder(out.path) == std::vector<std::string>{"asia/acme.pdf", "avtotor.pdf", "europe/acme.pdf",
                                                         "manifest.json"});
  CheckPdf(out.path + "/asia/acme.pdf", "595.276 x 841.89 pts (A4)");
  CHECK(ManifestStatus(out.path + "/manifest.json") ==
        "asia/acme.pdf rendered\nasia/broken.pdf failed\navtotor.pdf up-to-date\neurope/acme.pdf rendered\n");
  // The manifest records the PDF's hash and size, template, program and diagnostics with positions.
  std::string check = RunShell(
      "/usr/bin/python3 -c 'import json, sys, hashlib, os\n"
      "m = json.load(open(sys.argv[1] + \"/manifest.json\"))\n"
      "assert m[\"format\"] == \"brief-manifest\" and m[\"version\"] == 1, m\n"
      "for b in m[\"briefs\"]:\n"
      "  assert b[\"template\"] == \"classic\" and b[\"program\"] == \"brief 0.1.0\"\n"
      "  if b[\"status\"] == \"failed\":\n"
      "    d = b[\"diagnostics\"][0]; print(d[\"line\"], d[\"column\"], d[\"path\"]); continue\n"
      "  data = open(sys.argv[1] + \"/\" + b[\"output\"], \"rb\").read()\n"
      "  assert hashlib.sha256(data).hexdigest() == b[\"sha256\"] and len(data) == b[\"bytes\"], b\n"
      "print(m[\"summary\"])' " + out.path).out;
  CHECK(check == "1 8 brief\n{'rendered': 2, 'up_to_date': 1, 'failed': 1, 'not_started': 0, 'orphans': 0}\n");
}

TEST_CASE("batch: unchanged briefs are skipped by content, and each kind of input change renders again") {
  // A resource folder of our own, so the template and its font files can change.
  TempDir home, in, out;
  fs::create_directories(home.path + "/templates");
  fs::create_directories(home.path + "/fonts");
  std::string tmpl = ReadWhole("templates/classic.yaml");
  tmpl.replace(tmpl.find("Inter:style=Regular"), 19, "Body.ttf");
  tmpl.replace(tmpl.find("Inter:style=Bold"), 16, "Body-Bold.ttf");
  Write(home.path + "/templates/classic.yaml", tmpl);
  fs::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", home.path + "/fonts/Body.ttf");
  fs::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", home.path + "/fonts/Body-Bold.ttf");
  fs::copy_file("briefs/avtotor.yaml", in.path + "/a.yaml");
  fs::copy_file("tests/briefs/valid/full.yaml", in.path + "/b.yaml");
  fs::create_directories(in.path + "/logos");
  fs::copy_file("tests/briefs/valid/logos/acme.png", in.path + "/logos/acme.png");
  std::string env = "BRIEF_HOME=" + home.path;
  auto render = [&](const std::string& options = "", const std::string& more_env = "") {
    Run r = RunBrief("render " + in.path + " -o " + out.path + " " + options, env + " " + more_env);
    CHECK_MESSAGE(r.status == 0, r.err);
    return Summary(r);
  };
  CHECK(render() == "rendered 2, up to date 0, failed 0 in T s");
  auto inode = fs::status(out.path + "/a.pdf");  // Not rewritten when up to date:
  auto written = fs::last_write_time(out.path + "/a.pdf");
  CHECK(render() == "rendered 0, up to date 2, failed 0 in T s");
  CHECK(fs::last_write_time(out.path + "/a.pdf") == written);
  // A new modification time alone changes nothing: contents are compared.
  fs::last_write_time(in.path + "/a.yaml", fs::file_time_type::clock::now());
  CHECK(render() == "rendered 0, up to date 2, failed 0 in T s");
  SUBCASE("the brief") {
    std::string a = ReadWhole(in.path + "/a.yaml");
    a.replace(a.find("Kaliningrad"), 11, "Kaliningrád");
    Write(in.path + "/a.yaml", a);
    CHECK(render() == "rendered 1, up to date 1, failed 0 in T s");
    CHECK(Text(out.path + "/a.pdf").find("Kaliningrád") != std::string::npos);
  }
  SUBCASE("the logo") {
    fs::copy_file("tests/images/good.png", in.path + "/logos/acme.png", fs::copy_options::overwrite_existing);
    CHECK(render() == "rendered 1, up to date 1, failed 0 in T s");
  }
  SUBCASE("the template") {
    Write(home.path + "/templates/classic.yaml", tmpl + "\n# a comment is a change too\n");
    CHECK(render() == "rendered 2, up to date 0, failed 0 in T s");
  }
  SUBCASE("a font file") {
    fs::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", home.path + "/fonts/Body.ttf",
                  fs::copy_options::overwrite_existing);
    CHECK(render() == "rendered 2, up to date 0, failed 0 in T s");
    CHECK(RunShell("pdffonts " + out.path + "/a.pdf").out.find("DejaVuSerif") != std::string::npos);
  }
  SUBCASE("an option that changes the output") {
    CHECK(render("", "SOURCE_DATE_EPOCH=0") == "rendered 2, up to date 0, failed 0 in T s");
    CHECK(render("", "SOURCE_DATE_EPOCH=0") == "rendered 0, up to date 2, failed 0 in T s");
    CHECK(render("--strict", "SOURCE_DATE_EPOCH=0") == "rendered 2, up to date 0, failed 0 in T s");
  }
  SUBCASE("--force, and a PDF deleted or edited since") {
    CHECK(render("--force") == "rendered 2, up to date 0, failed 0 in T s");
    fs::remove(out.path + "/a.pdf");
    Write(out.path + "/b.pdf", "%PDF-1.4 edited by hand");
    CHECK(render() == "rendered 2, up to date 0, failed 0 in T s");
    CheckPdf(out.path + "/b.pdf", "595.276 x 841.89 pts (A4)");
  }
  (void)inode;
}

TEST_CASE("batch: --prune removes only PDFs the manifest lists that no input produces any more") {
  TempDir in, out;
  for (const char* name : {"a", "b", "c"}) fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/" + name + ".yaml");
  CHECK(RunBrief("render " + in.path + " -o " + out.path).status == 0);
  Write(out.path + "/mine.pdf", "a file brief did not write");
  fs::remove(in.path + "/b.yaml");
  fs::remove(in.path + "/c.yaml");
  Write(out.path + "/c.pdf", "%PDF edited since brief wrote it");
  Run keep = RunBrief("render " + in.path + " -o " + out.path);
  CHECK(keep.status == 0);
  CHECK(keep.err.find("2 PDFs in " + out.path + " (b.pdf, c.pdf) from earlier runs, whose briefs are not among this run's inputs; --prune removes those still as brief wrote them\n") !=
        std::string::npos);
  CHECK(PdfsIn(out.path) == std::vector<std::string>{"a.pdf", "b.pdf", "c.pdf", "mine.pdf"});
  // Listed as orphans, so a later --prune still knows they are its own.
  CHECK(ReadWhole(out.path + "/manifest.json").find("\"orphans\": [\n    {\n      \"output\": \"b.pdf\"") !=
        std::string::npos);
  Run prune = RunBrief("render --prune " + in.path + " -o " + out.path);
  CHECK(prune.status == 0);
  CHECK(prune.err.find("pruned 1 PDF of a brief no longer among the inputs\n") != std::string::npos);
  CHECK(prune.err.find("kept " + out.path + "/c.pdf: its brief is not among the inputs, but it changed since brief wrote it, or is reached through a link out of " + out.path + "\n") !=
        std::string::npos);
  CHECK(PdfsIn(out.path) == std::vector<std::string>{"a.pdf", "c.pdf", "mine.pdf"});
  CHECK(ReadWhole(out.path + "/manifest.json").find("\"orphans\": []") != std::string::npos);
  // An input that cannot be read makes pruning unsafe: nothing is removed.
  fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/d.yaml");
  CHECK(RunBrief("render " + in.path + " -o " + out.path).status == 0);
  fs::remove(in.path + "/d.yaml");
  Run missing = RunBrief("render --prune " + in.path + " no/such/folder -o " + out.path);
  CHECK(missing.status == 1);
  CHECK(fs::exists(out.path + "/d.pdf"));
  // The earlier briefs a mistyped PATH might have held are kept, not reached.
  CHECK(ManifestStatus(out.path + "/manifest.json").find("d.pdf not-started\n") != std::string::npos);
  Run again = RunBrief("render --prune " + in.path + " -o " + out.path);
  CHECK(again.err.find("pruned 1 PDF of a brief no longer among the inputs\n") != std::string::npos);
  CHECK_FALSE(fs::exists(out.path + "/d.pdf"));
}

TEST_CASE("batch: a manifest.json brief did not write is never overwritten") {
  TempDir out;
  Write(out.path + "/manifest.json", "{\"name\": \"someone else's\"}");
  Run r = RunBrief("render briefs -o " + out.path);
  CHECK(r.status == 2);
  CHECK(r.err == "brief: error: " + out.path + "/manifest.json: not a brief manifest (no \"format\": "
                 "\"brief-manifest\"); brief keeps its record of a batch there, and does not overwrite a "
                 "file it cannot read as one: move it away, or render to another folder (-o)\n");
  CHECK(ReadWhole(out.path + "/manifest.json") == "{\"name\": \"someone else's\"}");
  CHECK(PdfsIn(out.path).empty());
}

TEST_CASE("batch: SIGTERM stops the batch cleanly, and the next run renders only what is missing") {
  TempDir in, out;
  for (int i = 0; i < 16; ++i) fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/b" + std::to_string(i) + ".yaml");
  // BRIEF_TEST_DELAY_MS holds each finished PDF for a while before its rename.
  Run r = RunShell("BRIEF_TEST_DELAY_MS=300 " + std::string(BRIEF_BINARY) + " render -j 2 " + in.path +
                   " -o " + out.path + " & pid=$!; " + WaitFor("ls " + out.path + " | grep -c pdf", 2) +
                   "kill -TERM $pid; wait $pid; echo status=$?");
  CHECK(r.out == "status=143\n");
  CHECK(r.err.find("interrupted (Terminated): rendered ") != std::string::npos);
  std::vector<std::string> pdfs = PdfsIn(out.path);
  CHECK(pdfs.size() >= 2);
  CHECK(pdfs.size() < 16);
  for (const std::string& pdf : pdfs) CheckPdf(out.path + "/" + pdf, "595.276 x 841.89 pts (A4)");
  // Only PDFs and the manifest: the briefs in flight finished, no temporary file is left.
  CHECK(FilesUnder(out.path).size() == pdfs.size() + 1);
  CHECK(ManifestStatus(out.path + "/manifest.json").size() > 0);
  Run next = RunBrief("render -j 2 " + in.path + " -o " + out.path);
  CHECK(next.status == 0);
  CHECK(Summary(next) == "rendered " + std::to_string(16 - pdfs.size()) + ", up to date " +
                             std::to_string(pdfs.size()) + ", failed 0 in T s");
}

TEST_CASE("batch: after kill -9 mid-write only complete PDFs exist, and the next run cleans up") {
  TempDir in, out;
  for (int i = 0; i < 8; ++i) fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/b" + std::to_string(i) + ".yaml");
  // The whole process group, workers too, is killed while PDFs sit in temporary files.
  // (In a session of its own, whose id the process writes down before it becomes brief.)
  Run r = RunShell("bash -c 'BRIEF_TEST_DELAY_MS=2000 setsid -w bash -c \"echo \\$\\$ >" + out.path +
                   ".pid; exec " + BRIEF_BINARY + " render -j 2 " + in.path + " -o " + out.path +
                   "\" & pid=$!; " + WaitFor("ls -a " + out.path + " | grep -c brief-tmp", 2) +
                   "kill -9 -- -$(cat " + out.path + ".pid); wait $pid; echo status=$?'");
  fs::remove(out.path + ".pid");
  CHECK(r.out == "status=137\n");
  std::vector<std::string> left = FilesUnder(out.path);
  int temporaries = 0;
  for (const std::string& f : left) temporaries += f.find(".brief-tmp-") != std::string::npos;
  CHECK(temporaries == 2);  // One per worker, never renamed.
  CHECK(PdfsIn(out.path).empty());
  Run next = RunBrief("render -j 2 " + in.path + " -o " + out.path);
  CHECK(next.status == 0);
  CHECK(Summary(next) == "rendered 8, up to date 0, failed 0 in T s");
  CHECK(FilesUnder(out.path).size() == 9);  // 8 PDFs and the manifest: the strays are gone.
}

// Stops the private Slurm cluster of tests/slurm/cluster.sh, if one started.
struct SlurmCluster {
  std::string dir;
  bool up = false;
  std::string why;  // When not up.
  explicit SlurmCluster(const std::string& d) : dir(d) {
    std::string said = RunShell("tests/slurm/cluster.sh start " + dir).out;
    up = said == "ok\n";
    why = said;
  }
  ~SlurmCluster() { RunShell("tests/slurm/cluster.sh stop " + dir); }
};

TEST_CASE("batch: 4 shards of the Slurm example cover every brief once, and merge") {
  TempDir in, out, slurm;
  for (int i = 0; i < 24; ++i) {
    Write(in.path + "/r" + std::to_string(i % 3) + "/b" + std::to_string(i) + ".yaml",
          ReadWhole("tests/briefs/valid/minimal.yml"));
  }
  std::string env = "BRIEF=" + std::string(BRIEF_BINARY) + " BRIEFS=" + in.path + " OUT=" + out.path;
  // For real on a one-node Slurm cluster when munge and Slurm can be
  // started here (root, packages installed); else the array is simulated.
  SlurmCluster cluster(slurm.path);
  std::string mode = cluster.up ? "Slurm example run on a real one-node Slurm cluster"
                                : "Slurm example simulated (" + cluster.why.substr(0, cluster.why.size() - 1) + ")";
  MESSAGE(mode);
  std::string merge_command;
  std::vector<std::string> task_logs;
  if (cluster.up) {
    // As examples/ci/README.md says: the array, then the merge after it.
    std::string conf = "SLURM_CONF=" + slurm.path + "/slurm.conf ";
    Run array = RunShell(conf + env + " timeout 120 sbatch --parsable --cpus-per-task=1 --output=" + out.path +
                         "/task-%a.log examples/ci/slurm-array.sh");
    REQUIRE_MESSAGE(array.status == 0, array.err);
    std::string job = array.out.substr(0, array.out.find_first_of(";\n"));
    Run merge = RunShell(conf + env + " timeout 120 sbatch --wait --dependency=afterany:" + job +
                         " --output=" + out.path + "/merge.log examples/ci/slurm-merge.sh");
    CHECK_MESSAGE(merge.status == 0, merge.err);
    for (int task = 0; task < 4; ++task) task_logs.push_back(ReadWhole(out.path + "/task-" + std::to_string(task) + ".log"));
    CHECK(ReadWhole(out.path + "/merge.log") == "merged 4 manifests: 24 briefs (rendered 24, up to date 0, failed 0)\n");
    merge_command = conf + env + " timeout 120 sbatch --wait --output=" + out.path +
                    "/merge2.log examples/ci/slurm-merge.sh";
  } else {
    for (int task = 0; task < 4; ++task) {
      Run r = RunShell(env + " SLURM_ARRAY_TASK_ID=" + std::to_string(task) +
                       " SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0 bash examples/ci/slurm-array.sh");
      CHECK_MESSAGE(r.status == 0, r.err);
      task_logs.push_back(r.err);
    }
    Run merge = RunShell(env + " bash examples/ci/slurm-merge.sh");
    CHECK(merge.status == 0);
    CHECK(merge.err == "merged 4 manifests: 24 briefs (rendered 24, up to date 0, failed 0)\n");
    merge_command = env + " bash examples/ci/slurm-merge.sh";
  }
  std::multiset<std::string> all;
  for (int task = 0; task < 4; ++task) {
    CHECK(task_logs[static_cast<size_t>(task)].find("shard " + std::to_string(task + 1) + "/4)") != std::string::npos);
    std::string shard = out.path + "/shard-" + std::to_string(task);
    CHECK(RunShell("xmllint --noout --schema tests/junit.xsd " + shard + "/junit.xml").status == 0);
    for (const std::string& f : FilesUnder(shard)) {
      if (f.size() > 4 && f.substr(f.size() - 4) == ".pdf") all.insert(f);
    }
  }
  CHECK(all.size() == 24);
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == 24);  // None twice.
  std::string merged = ManifestStatus(out.path + "/manifest.json");
  CHECK(std::count(merged.begin(), merged.end(), '\n') == 24);
  CHECK(merged.find("shard-") != std::string::npos);  // Outputs point into each shard's folder.
  // A shard that did not run: its briefs are named.
  fs::remove_all(out.path + "/shard-2");
  Run missing = RunShell(cluster.up ? merge_command + "; s=$?; cat " + out.path + "/merge2.log >&2; exit $s"
                                    : merge_command);
  CHECK(missing.status == 1);
  CHECK(missing.err.find("brief: error: shard 3/4 is missing\n") != std::string::npos);
  CHECK(missing.err.find(" of the batch's 24 briefs are in no manifest: ") != std::string::npos);
}

TEST_CASE("batch: --junit and --format github for render and validate") {
  TempDir out;
  std::string inputs = " briefs tests/briefs/invalid/version.yaml tests/briefs/render/emoji.yaml";
  Run r = RunBrief("render --format github --junit " + out.path + "/reports/junit.xml -o " + out.path + inputs);
  CHECK(r.status == 1);
  CHECK(r.out ==
        "::error file=tests/briefs/invalid/version.yaml,line=1,col=8,title=brief%3A brief::format version 2 "
        "is not supported; only 1 exists\n"
        "::warning file=tests/briefs/render/emoji.yaml,line=7,col=9,title=brief%3A company.name::no font of "
        "the template has '𓀀', '𞋀' (U+13000, U+1E2C0); they will not show%0Ahint: add a font that has "
        "them to the template's fonts.fallback\n");
  CHECK(Summary(r) == "rendered 2, up to date 0, failed 1 in T s");
  std::string junit = out.path + "/reports/junit.xml";
  Run lint = RunShell("xmllint --noout --schema tests/junit.xsd " + junit);
  CHECK_MESSAGE(lint.status == 0, lint.err);
  std::string xml = ReadWhole(junit);
  CHECK(xml.find("<testsuite name=\"brief render\" tests=\"3\" failures=\"1\" errors=\"0\"") != std::string::npos);
  CHECK(xml.find("<failure message=\"format version 2 is not supported; only 1 exists\" type=\"failed\">") !=
        std::string::npos);
  Run v = RunBrief("validate --format github --junit " + out.path + "/v.xml" + inputs);
  CHECK(v.status == 1);
  CHECK(v.out == r.out);
  CHECK(RunShell("xmllint --noout --schema tests/junit.xsd " + out.path + "/v.xml").status == 0);
  CHECK(ReadWhole(out.path + "/v.xml").find("<testsuite name=\"brief validate\" tests=\"3\" failures=\"1\"") !=
        std::string::npos);
}

TEST_CASE("batch: a progress line on a terminal only, erased at the end, and NO_COLOR and CI honoured") {
  TempDir in, out;
  for (int i = 0; i < 12; ++i) fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/b" + std::to_string(i) + ".yaml");
  fs::copy_file("tests/briefs/invalid/version.yaml", in.path + "/zz.yaml");
  // script(1) runs the program on a pseudo-terminal.
  auto on_terminal = [&](const std::string& env) {
    return RunShell("env " + env + " script -qec '" + std::string(BRIEF_BINARY) + " render --format short --force -j 1 " +
                    in.path + " -o " + out.path + "' /dev/null").out;
  };
  std::string tty = on_terminal("-u CI -u NO_COLOR TERM=xterm");
  CHECK(tty.find("\r[ 1/13]") != std::string::npos);
  CHECK(tty.find("\r\033[K" + in.path + "/zz.yaml:1:8: \033[1;31merror\033[0m: brief:") != std::string::npos);
  std::string plain = on_terminal("-u CI NO_COLOR=1 TERM=xterm");
  CHECK(plain.find("\r[ 1/13]") != std::string::npos);  // Progress, but no colour.
  CHECK(plain.find("\033[3") == std::string::npos);
  CHECK(plain.find("zz.yaml:1:8: error: brief:") != std::string::npos);
  std::string ci = on_terminal("CI=true -u NO_COLOR TERM=xterm");
  CHECK(ci.find("\r[") == std::string::npos);  // No progress line or colour in CI logs.
  CHECK(ci.find('\033') == std::string::npos);
  // Not a terminal: neither.
  Run piped = RunBrief("render --force -j 1 " + in.path + " -o " + out.path);
  CHECK(piped.err.find('\033') == std::string::npos);
  CHECK(piped.err.find('\r') == std::string::npos);
}

TEST_CASE("batch: --format github also appends a summary table to GITHUB_STEP_SUMMARY") {
  TempDir out;
  Write(out.path + "/summary.md", "earlier step\n");
  Run r = RunBrief("render --format github briefs tests/briefs/invalid/version.yaml -o " + out.path,
                   "GITHUB_STEP_SUMMARY=" + out.path + "/summary.md");
  CHECK(r.status == 1);
  CHECK(WithoutTimes(ReadWhole(out.path + "/summary.md")) ==
        "earlier step\n### brief render\n\nrendered 1, up to date 0, failed 1 in T s\n\n"
        "| brief | errors | first error |\n| --- | --- | --- |\n"
        "| `tests/briefs/invalid/version.yaml` | 1 | line 1: format version 2 is not supported; only 1 exists |\n\n");
}

TEST_CASE("batch: briefs an interrupted run did not reach are not up to date under its new config") {
  TempDir in, out;
  for (int i = 0; i < 12; ++i) fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/b" + std::to_string(i) + ".yaml");
  CHECK(RunBrief("render " + in.path + " -o " + out.path).status == 0);
  // The same batch under another config (other PDF dates), stopped part way.
  Run r = RunShell("SOURCE_DATE_EPOCH=0 BRIEF_TEST_DELAY_MS=300 " + std::string(BRIEF_BINARY) + " render -j 2 --junit " +
                   out.path + "/junit.xml --format github " + in.path + " -o " + out.path + " & pid=$!; sleep 1; " +
                   "kill -TERM $pid; wait $pid; echo status=$?");
  CHECK(r.out.find("status=143\n") != std::string::npos);
  CHECK(r.out.find("::error title=brief render::interrupted (Terminated): ") != std::string::npos);
  std::string statuses = ManifestStatus(out.path + "/manifest.json");
  size_t reached = 0, left = 0;
  for (size_t at = 0; (at = statuses.find(" rendered\n", at)) != std::string::npos; ++at) ++reached;
  for (size_t at = 0; (at = statuses.find(" not-started\n", at)) != std::string::npos; ++at) ++left;
  CHECK(reached + left == 12);
  CHECK(left > 0);
  // JUnit shows the briefs not reached as skipped, not as passed.
  std::string junit = ReadWhole(out.path + "/junit.xml");
  CHECK(junit.find("skipped=\"" + std::to_string(left) + "\"") != std::string::npos);
  CHECK(RunShell("xmllint --noout --schema tests/junit.xsd " + out.path + "/junit.xml").status == 0);
  // Under the new config, only what the interrupted run rendered is current.
  Run next = RunBrief("render " + in.path + " -o " + out.path, "SOURCE_DATE_EPOCH=0");
  CHECK(Summary(next) == "rendered " + std::to_string(left) + ", up to date " + std::to_string(reached) +
                             ", failed 0 in T s");
  for (int i = 0; i < 12; ++i) {
    std::string info = RunShell("pdfinfo " + out.path + "/b" + std::to_string(i) + ".pdf").out;
    CHECK(info.find("CreationDate:    Thu Jan  1 00:00:00 1970 UTC") != std::string::npos);
  }
}

TEST_CASE("batch: two briefs for one PDF, a failed brief's old PDF, a merged manifest, a report over an input") {
  TempDir in, out;
  fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/same.yaml");
  fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/same.yml");
  fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/gone.yaml");
  Run first = RunBrief("render --format short " + in.path + " -o " + out.path);
  CHECK(first.status == 1);
  CHECK(first.err.find(in.path + "/same.yml: error: " + out.path + "/same.pdf is also the output of " + in.path +
                       "/same.yaml") != std::string::npos);
  CHECK(first.err.find("  failed: " + in.path + "/same.yml (1 error)\n") != std::string::npos);  // Not "from an earlier run".
  // The winner is recorded once and is up to date the next time.
  CHECK(ManifestStatus(out.path + "/manifest.json") == "gone.pdf rendered\nsame.pdf rendered\n");
  CHECK(ReadWhole(out.path + "/manifest.json").find("\"problems\": [\n    {\n      \"input\": \"" + in.path + "/same.yml\"") !=
        std::string::npos);
  CHECK(Summary(RunBrief("render " + in.path + " -o " + out.path)) == "rendered 0, up to date 2, failed 1 in T s");
  // A brief that fails keeps its earlier PDF, and once deleted that PDF is pruned.
  fs::remove(in.path + "/same.yml");
  fs::copy_file("tests/briefs/invalid/version.yaml", in.path + "/gone.yaml", fs::copy_options::overwrite_existing);
  CHECK(RunBrief("render " + in.path + " -o " + out.path).status == 1);
  CHECK(fs::exists(out.path + "/gone.pdf"));
  fs::remove(in.path + "/gone.yaml");
  Run prune = RunBrief("render --prune " + in.path + " -o " + out.path);
  CHECK(prune.status == 0);
  CHECK(prune.err.find("pruned 1 PDF of a brief no longer among the inputs\n") != std::string::npos);
  CHECK(PdfsIn(out.path) == std::vector<std::string>{"same.pdf"});
  // --junit never overwrites a brief or a PDF of the run.
  Run over = RunBrief("render " + in.path + " -o " + out.path + " --junit " + in.path + "/same.yaml");
  CHECK(over.status == 2);
  CHECK(over.err == "brief: error: --junit " + in.path + "/same.yaml would overwrite " + in.path +
                        "/same.yaml, which this run reads; write the report somewhere else\n");
  CHECK(ReadWhole(in.path + "/same.yaml") == ReadWhole("tests/briefs/valid/minimal.yml"));
  TempDir fresh;  // Spelt another way, into a folder that does not exist yet: refused too.
  fs::remove(fresh.path);
  CHECK(RunBrief("render " + in.path + " -o " + fresh.path + " --junit " + fresh.path + "/./same.pdf").status == 2);
  CHECK_FALSE(fs::exists(fresh.path + "/same.pdf"));
  // A merged manifest describes shards' folders: render will not take it as its own.
  TempDir merged;
  CHECK(RunBrief("manifest merge -q -o " + merged.path + "/manifest.json " + out.path + "/manifest.json").status == 0);
  Run refused = RunBrief("render --prune " + in.path + " -o " + merged.path);
  CHECK(refused.status == 2);
  CHECK(refused.err.find("this manifest was made by 'brief manifest merge'") != std::string::npos);
}

TEST_CASE("batch: -r walks a folder named like a brief, and a tree with no briefs is an error") {
  TempDir in, out;
  fs::create_directories(in.path + "/2024.yaml");
  Run none = RunBrief("render --format short -r " + in.path + " -o " + out.path);
  CHECK(none.status == 1);
  CHECK(none.err.find(in.path + ": error: folder and its sub-folders hold no .yaml or .yml files\n") == 0);
  fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/2024.yaml/acme.yaml");
  CHECK(RunBrief("render -r " + in.path + " -o " + out.path).status == 0);
  CHECK(fs::exists(out.path + "/2024.yaml/acme.pdf"));
  // A file name that is not UTF-8 cannot be named in the manifest: said, not skipped silently.
  fs::copy_file("tests/briefs/valid/minimal.yml", in.path + "/bad-\xff.yaml");
  Run bad = RunBrief("render --format short -r " + in.path + " -o " + out.path);
  CHECK(bad.status == 1);
  CHECK(bad.err.find("/bad-\xff.yaml: error: the file name is not valid UTF-8") != std::string::npos);
}

TEST_CASE("batch: the GitHub, GitLab and Kubernetes examples run as their engines would run them") {
  TempDir in, work;
  for (int i = 0; i < 20; ++i) {
    Write(in.path + "/r" + std::to_string(i % 2) + "/b" + std::to_string(i) + ".yaml",
          ReadWhole("tests/briefs/valid/minimal.yml"));
  }
  Write(in.path + "/r1/broken.yaml", ReadWhole("tests/briefs/invalid/version.yaml"));
  // tests/ci/run_examples.py takes each example's commands out of its YAML
  // and runs them per shard with the engine's variables, then the merge.
  Run r = RunShell("/usr/bin/python3 tests/ci/run_examples.py " + std::string(BRIEF_BINARY) + " " + in.path +
                   " " + work.path);
  CHECK_MESSAGE(r.status == 0, r.err);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  const char* names[] = {"github", "gitlab", "kubernetes"};
  for (size_t i = 0; i < 3; ++i) {
    // The shard holding the broken brief exits 1; the merge is complete (21 briefs, one failed).
    CHECK_MESSAGE(std::regex_match(lines[i], std::regex(std::string(names[i]) +
                                                        R"(: 4 shards, exit codes \[[01], [01], [01], [01]\], merge exit 0, 21 briefs merged)")),
                  lines[i]);
    std::string codes = lines[i].substr(lines[i].find('['), lines[i].find(']') - lines[i].find('['));
    CHECK(std::count(codes.begin(), codes.end(), '1') == 1);
  }
}

TEST_CASE("batch: folders named twice, links to folders, concurrent runs, shards with --prune") {
  TempDir in, out;
  for (int i = 0; i < 6; ++i) Write(in.path + "/sub/b" + std::to_string(i) + ".yaml", ReadWhole("tests/briefs/valid/minimal.yml"));
  fs::create_directory_symlink("sub", in.path + "/alias");  // Not followed: sub's briefs once, by their own name.
  fs::create_directory_symlink("/", in.path + "/root");     // Not walked.
  Run twice = RunBrief("render -r " + in.path + " " + in.path + " " + in.path + "/sub -o " + out.path);
  CHECK(twice.status == 0);
  CHECK(Summary(twice) == "rendered 6, up to date 0, failed 0 in T s");
  CHECK(FilesUnder(out.path).size() == 7);  // sub/b0..b5.pdf and the manifest.
  // Runs into one folder take turns: none fails, the manifest knows every brief.
  TempDir shared;
  Run four = RunShell("for i in 1 2 3 4; do " + std::string(BRIEF_BINARY) + " render -q --force -r " + in.path +
                      " -o " + shared.path + " & done; wait; echo done");
  CHECK(four.out == "done\n");
  CHECK(four.err.find("error") == std::string::npos);
  CHECK(Summary(RunBrief("render -r " + in.path + " -o " + shared.path)) == "rendered 0, up to date 6, failed 0 in T s");
  // A shard run in a folder that held the whole batch keeps the other shards' PDFs.
  Run shard = RunBrief("render --prune --shard 1/3 -r " + in.path + " -o " + shared.path);
  CHECK(shard.err.find("pruned") == std::string::npos);
  CHECK(FilesUnder(shared.path).size() == 7);
  // A merge of a shard that was interrupted is incomplete.
  std::string manifest = ReadWhole(shared.path + "/manifest.json");
  size_t at = manifest.find("\"status\": \"up-to-date\"");
  if (at == std::string::npos) at = manifest.find("\"status\": \"rendered\"");
  REQUIRE(at != std::string::npos);
  manifest.replace(at, manifest.find(',', at) - at, "\"status\": \"not-started\"");
  Write(shared.path + "/cut.json", manifest);
  CHECK(RunBrief("manifest merge -o " + shared.path + "/./cut.json " + shared.path + "/cut.json").status == 2);
  Run merge = RunBrief("manifest merge -o " + out.path + "/merged.json " + shared.path + "/cut.json");
  CHECK(merge.status == 1);
  CHECK(merge.err.find("1 brief not rendered: the run that made their manifest was interrupted: ") !=
        std::string::npos);
}

TEST_CASE("batch: font hashes are kept in the cache folder, a damaged store is rebuilt, --no-cache uses none") {
  TempDir cache, in, out;
  fs::copy_file("briefs/avtotor.yaml", in.path + "/a.yaml");
  std::string env = "XDG_CACHE_HOME=" + cache.path;
  std::string store = cache.path + "/brief/file-hashes";
  Run r = RunBrief("render -q " + in.path + " -o " + out.path, env);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::string text = ReadWhole(store);
  CHECK(text.rfind("brief file hashes 1\n", 0) == 0);
  // The store holds the font the manifest lists, with the same hash.
  std::string manifest = ReadWhole(out.path + "/manifest.json");
  std::smatch font;
  REQUIRE(std::regex_search(manifest, font, std::regex(R"re("file": "(/usr/share/fonts/[^"]+)",\s*"sha256": "([0-9a-f]{64})")re")));
  CHECK(text.find(font[2].str() + " ") != std::string::npos);
  CHECK(text.find(" " + font[1].str() + "\n") != std::string::npos);
  // A damaged store is ignored and written again whole; the output is the same.
  std::string pdf = ReadWhole(out.path + "/a.pdf");
  Write(store, "brief file hashes 1\n" + std::string(64, 'f') + " 1 2 3 4 5 " + font[1].str() + "\nsha256 x\n");
  r = RunBrief("render -q --force " + in.path + " -o " + out.path, env);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(ReadWhole(store) == text);
  CHECK(ReadWhole(out.path + "/manifest.json") == manifest);
  CHECK(ReadWhole(out.path + "/a.pdf") == pdf);
  // --no-cache neither reads nor writes one.
  TempDir other;
  r = RunBrief("render -q --force --no-cache " + in.path + " -o " + out.path, "XDG_CACHE_HOME=" + other.path);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK_FALSE(fs::exists(other.path + "/brief"));
}

TEST_CASE("batch: runs at the same time share one cache folder and leave every cache file whole") {
  TempDir cache, in;
  fs::copy_file("briefs/avtotor.yaml", in.path + "/a.yaml");
  fs::copy_file("tests/briefs/valid/cjk.yaml", in.path + "/c.yaml");
  std::string env = "XDG_CACHE_HOME=" + cache.path;
  std::vector<TempDir> outs(4);
  std::string command;
  for (const TempDir& out : outs) {
    command += std::string(BRIEF_BINARY) + " render -q --force " + in.path + " -o " + out.path + " & ";
  }
  Run r = RunShell(env + " sh -c '" + command + " wait'");
  CHECK_MESSAGE(r.status == 0, r.err);
  for (const TempDir& out : outs) CHECK(PdfsIn(out.path) == std::vector<std::string>{"a.pdf", "c.pdf"});
  // Each cache file is whole (its checksum holds): a later run reads them all.
  std::map<std::string, brief::StoredHash> hashes;
  CHECK(brief::ParseHashStore(ReadWhole(cache.path + "/brief/file-hashes"), &hashes));
  CHECK(!hashes.empty());
  std::string lookups = ReadWhole(cache.path + "/brief/font-lookups");
  CHECK(lookups.rfind("brief font lookups 1\n", 0) == 0);
  CHECK(lookups.find("\nsha256 ") != std::string::npos);
  Run again = RunBrief("render -q --force " + in.path + " -o " + outs[0].path, env);
  CHECK_MESSAGE(again.status == 0, again.err);
  CHECK(ReadWhole(outs[0].path + "/a.pdf") == ReadWhole(outs[1].path + "/a.pdf"));
}
