// Installing brief as a user would: cmake --install into a prefix (and
// moved), the .deb, the man page, shell completions; pipes; authoring
// (init, schema, watch). End to end, with the real binary and tools.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "tests/run_binary.h"

namespace fs = std::filesystem;

namespace {

const std::string kBuild = BRIEF_BUILD_DIR;
const std::string kSource = BRIEF_SOURCE_DIR;

// An environment with no user or system resources, so only the binary's
// own (beside it, or in the checkout) are found.
std::string Hermetic(const TempDir& home) {
  return "env -u BRIEF_HOME -u XDG_DATA_HOME HOME=" + home.path + " XDG_DATA_DIRS=" + home.path + "/none";
}

// Every long option `brief COMMAND --help` lists.
std::set<std::string> HelpOptions(const std::string& command) {
  std::set<std::string> options;
  std::string help = RunBrief(command + " --help").out;
  static const std::regex kOption("--([a-z][a-z-]*)");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), kOption); it != std::sregex_iterator(); ++it) {
    options.insert((*it)[1]);
  }
  return options;
}

// Starts `brief watch ARGS` in the background from the source folder
// (`env`: VAR=value ... before it), its output in DIR/watch.out and
// DIR/watch.err. Returns its process id.
std::string StartWatch(const std::string& dir, const std::string& args, const std::string& env = "") {
  std::string pid_file = dir + "/pid";
  RunShell("cd " + kSource + " && { " + env + (env.empty() ? "" : " ") + BRIEF_BINARY + " watch " + args + " > " +
           dir + "/watch.out 2> " + dir + "/watch.err & echo $! > " + pid_file + "; }");
  std::string pid = ReadWhole(pid_file);
  pid.erase(pid.find_last_not_of("\n") + 1);
  return pid;
}

// True once done() is, asked every 50 ms for at most 10 s.
bool WaitFor(const std::function<bool()>& done) {
  for (int i = 0; i < 200 && !done(); ++i) usleep(50 * 1000);
  return done();
}

// Sends SIGINT and waits up to 5 s for the process to go: "" when it
// went, else "alive".
std::string StopWatch(const std::string& pid) {
  return RunShell("kill -INT " + pid + " && for i in $(seq 100); do kill -0 " + pid +
                  " 2>/dev/null || break; sleep 0.05; done; kill -0 " + pid + " 2>/dev/null && echo alive")
      .out;
}

}  // namespace

TEST_CASE("install: cmake --install puts a working brief in a prefix, which still works after it is moved") {
  TempDir t, home;
  REQUIRE(RunShell("cmake --install " + kBuild + " --prefix " + t.path + "/p >/dev/null").status == 0);
  for (const char* f : {"bin/brief", "bin/brief-mail", "share/brief/templates/classic.yaml",
                        "share/brief/templates/compact.yaml", "share/brief/brief.schema.json",
                        "share/man/man1/brief.1", "share/bash-completion/completions/brief",
                        "share/zsh/vendor-completions/_brief", "share/fish/vendor_completions.d/brief.fish",
                        "share/doc/brief/brief-format.md"}) {
    CHECK_MESSAGE(fs::exists(t.path + "/p/" + f), f);
  }
  fs::create_directories(t.path + "/work");
  fs::copy_file("briefs/avtotor.yaml", t.path + "/work/avtotor.yaml");
  std::string env = Hermetic(home);
  Run r = RunShell("cd " + t.path + "/work && " + env + " " + t.path + "/p/bin/brief render -q avtotor.yaml -o out");
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(fs::file_size(t.path + "/work/out/avtotor.pdf") > 10000);
  std::string first = ReadWhole(t.path + "/work/out/avtotor.pdf");
  // Moved: found relative to the binary, not where it was installed.
  fs::rename(t.path + "/p", t.path + "/q");
  Run moved = RunShell("cd " + t.path + "/work && " + env + " " + t.path + "/q/bin/brief render -q --force avtotor.yaml -o out2");
  CHECK(moved.status == 0);
  CHECK(ReadWhole(t.path + "/work/out2/avtotor.pdf") == first);
  Run list = RunShell(env + " " + t.path + "/q/bin/brief templates");
  CHECK(list.out == "classic  " + t.path + "/q/share/brief/templates/classic.yaml (install prefix)\n"
                    "compact  " + t.path + "/q/share/brief/templates/compact.yaml (install prefix)\n");
  // A user's own template, in XDG_DATA_HOME, is listed first and can be used.
  fs::create_directories(home.path + "/.local/share/brief/templates");
  fs::copy_file("templates/compact.yaml", home.path + "/.local/share/brief/templates/mine.yaml");
  fs::copy_file("templates/classic.yaml", home.path + "/.local/share/brief/templates/classic.yaml");
  Run user = RunShell(env + " " + t.path + "/q/bin/brief templates");
  CHECK(user.out.find("classic  " + home.path + "/.local/share/brief/templates/classic.yaml ($XDG_DATA_HOME)\n") == 0);
  CHECK(user.out.find("mine     " + home.path + "/.local/share/brief/templates/mine.yaml ($XDG_DATA_HOME)\n") !=
        std::string::npos);
  CHECK(user.out.find("(install prefix), hidden by the one from $XDG_DATA_HOME") != std::string::npos);
  CHECK(RunShell("cd " + t.path + "/work && " + env + " " + t.path + "/q/bin/brief validate -q -t mine avtotor.yaml").status == 0);
  // --resources and BRIEF_HOME come first.
  Run flag = RunShell(env + " " + t.path + "/q/bin/brief templates --resources " + kSource);
  CHECK(flag.out.find("classic  " + kSource + "/templates/classic.yaml (--resources)\n") == 0);
  // A copied binary with nothing beside it says where it looked.
  fs::create_directories(t.path + "/lonely");
  fs::copy_file(t.path + "/q/bin/brief", t.path + "/lonely/brief");
  Run lonely = RunShell("cd " + t.path + "/work && env -u BRIEF_HOME -u XDG_DATA_HOME HOME=" + t.path +
                        "/nohome XDG_DATA_DIRS=/nonexistent " + t.path + "/lonely/brief render avtotor.yaml -o x");
  CHECK(lonely.status == 2);
  CHECK(lonely.err.find("brief: error: no such template 'classic'; no templates were found in any of these folders") == 0);
  CHECK(lonely.err.find("  $XDG_DATA_HOME: " + t.path + "/nohome/.local/share/brief (does not exist)\n") != std::string::npos);
  CHECK(lonely.err.find("  $XDG_DATA_DIRS: /nonexistent/brief (does not exist)\n") != std::string::npos);
  CHECK(lonely.err.find("--resources DIR") != std::string::npos);
}

TEST_CASE("install: cpack -G DEB makes a package with Debian dependencies that holds and runs the same") {
  TempDir t, home;
  Run pack = RunShell("cpack -G DEB --config " + kBuild + "/CPackConfig.cmake -B " + t.path + " 2>&1");
  REQUIRE_MESSAGE(pack.status == 0, pack.out);
  std::string deb;
  for (const auto& e : fs::directory_iterator(t.path)) {
    if (e.path().extension() == ".deb") deb = e.path().string();
  }
  REQUIRE(!deb.empty());
  CHECK(fs::path(deb).filename() == "brief_0.1.0_amd64.deb");
  std::string contents = RunShell("dpkg-deb -c " + deb).out;
  for (const char* f : {"./usr/bin/brief", "./usr/bin/brief-mail", "./usr/share/brief/templates/classic.yaml",
                        "./usr/share/man/man1/brief.1", "./usr/share/bash-completion/completions/brief"}) {
    CHECK_MESSAGE(contents.find(f) != std::string::npos, f);
  }
  // dpkg-shlibdeps found the shared libraries (yaml-cpp, fmt, Boost, Nettle
  // and libdeflate are linked in); the fonts are named.
  std::string depends = RunShell("dpkg-deb -f " + deb + " Depends").out;
  for (const char* d : {"libhpdf-2.3.0", "libharfbuzz-subset0", "libicu72", "libfontconfig1", "libpng16-16",
                        "fonts-inter-variable", "fonts-dejavu-core", "fontconfig"}) {
    CHECK_MESSAGE(depends.find(d) != std::string::npos, d);
  }
  REQUIRE(RunShell("dpkg-deb -x " + deb + " " + t.path + "/root").status == 0);
  fs::create_directories(t.path + "/work");
  Run r = RunShell("cd " + t.path + "/work && " + Hermetic(home) + " " + t.path +
                   "/root/usr/bin/brief render -q " + kSource + "/briefs/avtotor.yaml -o out");
  CHECK(r.status == 0);
  CHECK(fs::exists(t.path + "/work/out/avtotor.pdf"));
}

TEST_CASE("install: the man page renders without a warning and has every option of every command") {
  std::string page = kBuild + "/brief.1";
  Run groff = RunShell("groff -man -ww -z " + page);
  CHECK(groff.status == 0);
  CHECK(groff.err == "");
  Run man = RunShell("MANWIDTH=80 man --warnings -l " + page);
  CHECK(man.status == 0);
  CHECK(man.err == "");
  CHECK(man.out.find("brief - turn YAML company briefs") != std::string::npos);
  // It cannot drift from --help: made from the same tables, and checked.
  std::string roff = ReadWhole(page);
  CHECK(roff == RunBrief("--man").out);
  for (const char* command : {"validate", "render", "mail", "watch", "templates", "init"}) {
    CHECK(roff.find(std::string(".SS \"brief ") + command + "\"") != std::string::npos);
    for (const std::string& option : HelpOptions(command)) {
      std::string escaped = std::regex_replace(option, std::regex("-"), "\\-");
      CHECK_MESSAGE(roff.find("\\fB\\-\\-" + escaped + "\\fR") != std::string::npos, command << " --" << option);
    }
  }
}

TEST_CASE("install: completions load in bash and complete commands, options, templates and files, and zsh and fish parse theirs") {
  std::string bash = kBuild + "/completions/brief";
  CHECK(RunShell("bash -c 'source " + bash + "; complete -p brief'").out == "complete -o filenames -F _brief brief\n");
  auto complete = [&](const std::string& words, int cword) {
    return RunShell("cd " + kSource + " && PATH=" + kBuild + ":$PATH bash -c 'source " + bash +
                    "; COMP_WORDS=(" + words + "); COMP_CWORD=" + std::to_string(cword) +
                    "; _brief; printf \"%s\\n\" \"${COMPREPLY[@]}\"'").out;
  };
  CHECK(complete("brief ren", 1) == "render\n");
  CHECK(complete("brief render --for", 2) == "--format\n--force\n");
  CHECK(complete("brief render -t \"\"", 3) == "classic\ncompact\n");
  CHECK(complete("brief validate --format \"\"", 3) == "text\nshort\njson\ngithub\n");
  CHECK(complete("brief validate briefs/avt", 2) == "briefs/avtotor.yaml\n");
  CHECK(complete("brief completion \"\"", 2) == "bash\nzsh\nfish\n");
  CHECK(complete("brief manifest \"\"", 2) == "merge\n");
  // A file name with a space is one completion.
  TempDir spaced;
  std::ofstream(spaced.path + "/my brief.yaml") << "x";
  CHECK(complete("brief render " + spaced.path + "/my", 2) == spaced.path + "/my brief.yaml\n");
  if (RunShell("command -v zsh").status == 0) {
    CHECK(RunShell("zsh -n " + kBuild + "/completions/_brief").status == 0);
  } else {
    MESSAGE("zsh is not installed: its completion was not parsed");
  }
  if (RunShell("command -v fish").status == 0) {
    Run fish = RunShell("fish --no-execute " + kBuild + "/completions/brief.fish");
    CHECK(fish.status == 0);
    CHECK(fish.err == "");
  } else {
    MESSAGE("fish is not installed: its completion was not parsed");
  }
}

TEST_CASE("pipes: '-' reads a brief from standard input, -o - writes the PDF to standard output, -o FILE.pdf that file") {
  TempDir t;
  std::string file = t.path + "/file/avtotor.pdf";
  CHECK(RunBrief("render -q briefs/avtotor.yaml -o " + t.path + "/file").status == 0);
  Run piped = RunShell(std::string(BRIEF_BINARY) + " render - -o - < briefs/avtotor.yaml > " + t.path + "/piped.pdf");
  CHECK(piped.status == 0);
  CHECK(piped.err == "");
  CHECK(ReadWhole(t.path + "/piped.pdf") == ReadWhole(file));
  Run named = RunBrief("render briefs/avtotor.yaml -o " + t.path + "/volvo.pdf");
  CHECK(named.status == 0);
  CHECK(named.err == "rendered " + t.path + "/volvo.pdf (" + std::to_string(fs::file_size(file)) + " bytes)\n");
  CHECK(ReadWhole(t.path + "/volvo.pdf") == ReadWhole(file));
  CHECK_FALSE(fs::exists(t.path + "/manifest.json"));
  // Diagnostics name the input stdin, or --stdin-name.
  Run bad = RunShell(std::string(BRIEF_BINARY) + " validate --format short - < tests/briefs/invalid/currency.yaml");
  CHECK(bad.status == 1);
  CHECK(bad.err.find("stdin:20:15: error: revenue[1].currency:") == 0);
  Run excerpt = RunShell(std::string(BRIEF_BINARY) + " validate --stdin-name acme.yaml - < tests/briefs/invalid/currency.yaml");
  CHECK(excerpt.err.find(" --> acme.yaml:20:15\n   |\n20 |     currency: RUR\n") != std::string::npos);
  // An invalid brief writes nothing to standard output and leaves no file.
  Run invalid = RunShell(std::string(BRIEF_BINARY) + " render - -o - < tests/briefs/invalid/currency.yaml > " + t.path + "/bad.pdf");
  CHECK(invalid.status == 1);
  CHECK(fs::file_size(t.path + "/bad.pdf") == 0);
  CHECK(RunBrief("render tests/briefs/invalid/currency.yaml -o " + t.path + "/bad2.pdf").status == 1);
  CHECK_FALSE(fs::exists(t.path + "/bad2.pdf"));
  // Usage errors: a terminal, two briefs for one file, '-' twice, JSON on stdout.
  Run tty = RunShell("script -qec '" + std::string(BRIEF_BINARY) + " render briefs/avtotor.yaml -o -' /dev/null");
  CHECK(tty.out.find("-o - would write a PDF to the terminal") != std::string::npos);
  Run two = RunBrief("render briefs/avtotor.yaml tests/briefs/valid/minimal.yml -o " + t.path + "/two.pdf");
  CHECK(two.status == 2);
  CHECK(two.err == "brief: error: render: -o " + t.path + "/two.pdf takes exactly one brief, not 2; give a folder for more\n");
  CHECK(RunShell(std::string(BRIEF_BINARY) + " validate - - < briefs/avtotor.yaml").status == 2);
  CHECK(RunShell(std::string(BRIEF_BINARY) + " render --format json - -o - < briefs/avtotor.yaml").status == 2);
}

TEST_CASE("authoring: init writes a skeleton that validates and renders, and schema is a JSON Schema the corpus agrees with") {
  TempDir t, home;
  Run init = RunShell("cd " + t.path + " && " + Hermetic(home) + " " + BRIEF_BINARY + " init acme-tools");
  CHECK(init.status == 0);
  CHECK(init.out == "wrote acme-tools.yaml; fill it in, then: brief render acme-tools.yaml\n");
  std::string skeleton = ReadWhole(t.path + "/acme-tools.yaml");
  CHECK(skeleton.find("# yaml-language-server: $schema=" + fs::canonical(kBuild).string() + "/brief.schema.json\n") == 0);
  CHECK(skeleton.find("  name: \"Acme tools\"\n") != std::string::npos);
  Run valid = RunBrief("validate --strict " + t.path + "/acme-tools.yaml");
  CHECK(valid.status == 0);
  CHECK(RunBrief("render -q " + t.path + "/acme-tools.yaml -o " + t.path + "/out").status == 0);
  // Never over an existing file.
  Run again = RunShell("cd " + t.path + " && " + BRIEF_BINARY + " init acme-tools");
  CHECK(again.status == 1);
  CHECK(again.err.find("acme-tools.yaml already exists; nothing was written") != std::string::npos);
  CHECK(ReadWhole(t.path + "/acme-tools.yaml") == skeleton);

  // Whatever the name, the skeleton validates: it is quoted, capitalised
  // in its script and cut to the 80 characters a name may have.
  for (const std::string& odd : std::vector<std::string>{"a: b", "#hash", "null", "[x]", "*star", "& amp", "%pct", "ёлка",
                                 std::string(96, 'x'), "it's \"quoted\""}) {
    INFO(odd);
    std::string quoted = "'" + std::regex_replace(odd, std::regex("'"), "'\\''") + "'";
    REQUIRE(RunShell("cd " + t.path + " && " + BRIEF_BINARY + " init -q " + quoted).status == 0);
    Run check = RunShell("cd " + t.path + " && " + BRIEF_BINARY + " validate -q --strict " + quoted + ".yaml");
    CHECK_MESSAGE(check.status == 0, check.err);
  }
  CHECK(ReadWhole(t.path + "/ёлка.yaml").find("  name: \"Ёлка\"\n") != std::string::npos);
  CHECK(RunShell("cd " + t.path + " && " + BRIEF_BINARY + " init ''").status == 2);
  Run spaced = RunShell("cd " + t.path + " && " + BRIEF_BINARY + " init 'my company'");
  CHECK(spaced.out == "wrote my company.yaml; fill it in, then: brief render 'my company.yaml'\n");

  std::string schema = RunBrief("schema").out;
  CHECK(schema == ReadWhole(kBuild + "/brief.schema.json"));
  std::string valid_briefs = t.path + "/acme-tools.yaml";
  for (const char* dir : {"briefs", "tests/briefs/valid", "tests/briefs/render", "tests/briefs/scripts", "tests/briefs/mail"}) {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".yaml" || e.path().extension() == ".yml") valid_briefs += " " + e.path().string();
    }
  }
  std::string invalid;
  for (const char* f : {"unknown-key", "unknown-nested-key", "missing-keys", "missing-top-level", "wrong-shapes",
                        "misspelt-required", "required-fields", "wrong-required-key", "misplaced-keys",
                        "enums-and-bools", "version"}) {
    invalid += std::string(" tests/briefs/invalid/") + f + ".yaml";
  }
  Run check = RunShell("/usr/bin/python3 tests/schema_check.py " + kBuild + "/brief.schema.json --valid " +
                       valid_briefs + " --invalid" + invalid);
  CHECK_MESSAGE(check.status == 0, check.out << check.err);
  CHECK(check.out.find(" judged wrongly") != std::string::npos);
}

TEST_CASE("authoring: watch renders again with a template font replaced, or rewritten in place") {
  // A template whose text font is a file in its fonts folder.
  TempDir t;
  fs::create_directories(t.path + "/res/templates");
  fs::create_directories(t.path + "/res/fonts");
  std::string tmpl = ReadWhole("templates/classic.yaml");
  tmpl.replace(tmpl.find("  regular: Inter:style=Regular\n  bold: Inter:style=Bold\n"),
               std::string("  regular: Inter:style=Regular\n  bold: Inter:style=Bold\n").size(),
               "  regular: main.ttf\n  bold: main.ttf\n");
  std::ofstream(t.path + "/res/templates/mine.yaml") << tmpl;
  const std::string sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  const std::string serif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
  std::string font = t.path + "/res/fonts/main.ttf";
  fs::copy_file(sans, font);
  fs::copy_file("briefs/avtotor.yaml", t.path + "/a.yaml");
  std::string options = " --resources " + t.path + "/res -t mine " + t.path + "/a.yaml -o " + t.path + "/out";
  std::string pid = StartWatch(t.path, "--debounce 50" + options);
  std::string pdf = t.path + "/out/a.pdf";
  auto fonts = [&] { return RunShell("pdffonts '" + pdf + "' 2>/dev/null").out; };
  REQUIRE(WaitFor([&] { return ReadWhole(t.path + "/watch.err").find("watching") != std::string::npos; }));
  CHECK(fonts().find("DejaVuSans ") != std::string::npos);
  // Replaced: another file renamed over it.
  fs::copy_file(serif, font + ".tmp");
  fs::rename(font + ".tmp", font);
  CHECK(WaitFor([&] { return fonts().find("DejaVuSerif ") != std::string::npos; }));
  // Rewritten in place, shorter than before: read again, not through the
  // old mapping (which died of SIGBUS).
  fs::resize_file(font, 0);
  fs::copy_file(sans, font, fs::copy_options::overwrite_existing);
  CHECK(WaitFor([&] { return fonts().find("DejaVuSans ") != std::string::npos; }));
  CHECK(RunShell("kill -0 " + pid + " 2>/dev/null || echo gone").out == "");
  // What the manifest recorded is what was drawn: a render finds it current.
  Run again = RunBrief("render" + options);
  CHECK(again.err.find("rendered 0, up to date 1, failed 0") != std::string::npos);
  CHECK(fonts().find("DejaVuSans ") != std::string::npos);
  CHECK(StopWatch(pid) == "");
  CHECK(ReadWhole(t.path + "/watch.err").find("signal") == std::string::npos);
}

TEST_CASE("authoring: a run of watch that dies of a signal costs that run, not the watch") {
  TempDir t;
  fs::copy_file("briefs/avtotor.yaml", t.path + "/a.yaml");
  // BRIEF_TEST_CRASH=watch makes every render run of watch abort.
  std::string pid = StartWatch(t.path, "--debounce 50 " + t.path + "/a.yaml -o " + t.path + "/out",
                               "BRIEF_TEST_CRASH=watch");
  REQUIRE(WaitFor([&] { return ReadWhole(t.path + "/watch.err").find("watching") != std::string::npos; }));
  CHECK(ReadWhole(t.path + "/watch.err").find("brief: error: watch: rendering stopped with signal 6 (Aborted); a "
                                              "file it read may have changed as it read it; watching for the next "
                                              "change\n") == 0);
  std::ofstream(t.path + "/a.yaml", std::ios::app) << "\n";
  CHECK(WaitFor([&] {
    std::string e = ReadWhole(t.path + "/watch.err");
    return e.find("signal 6", e.find("watching")) != std::string::npos;
  }));
  CHECK(RunShell("kill -0 " + pid + " 2>/dev/null || echo gone").out == "");
  CHECK(StopWatch(pid) == "");
}

TEST_CASE("authoring: watch renders, renders again after a change, and stops on SIGINT") {
  TempDir t;
  fs::copy_file("briefs/avtotor.yaml", t.path + "/a.yaml");
  std::string pid = StartWatch(t.path, "--debounce 50 " + t.path + "/a.yaml -o " + t.path + "/out");
  std::string pdf = t.path + "/out/a.pdf";
  REQUIRE(WaitFor([&] { return ReadWhole(t.path + "/watch.err").find("watching") != std::string::npos; }));
  std::string first = ReadWhole(pdf);
  CHECK(first.size() > 10000);
  // An editor's save: a new file renamed over the old one.
  std::string text = ReadWhole(t.path + "/a.yaml");
  text.replace(text.find("name: Avtotor"), 13, "name: Avtotor Group");
  std::ofstream(t.path + "/a.yaml.tmp") << text;
  fs::rename(t.path + "/a.yaml.tmp", t.path + "/a.yaml");
  CHECK(WaitFor([&] { return ReadWhole(pdf) != first && !ReadWhole(pdf).empty(); }));
  // A broken save prints its diagnostics and keeps the last good PDF.
  std::string good = ReadWhole(pdf);
  std::ofstream(t.path + "/a.yaml", std::ios::app) << "nonsense: [\n";
  CHECK(WaitFor([&] { return ReadWhole(t.path + "/watch.err").find("never closed") != std::string::npos; }));
  CHECK(ReadWhole(pdf) == good);
  CHECK(RunBrief("watch " + t.path + "/a.yaml -o -").status == 2);
  CHECK(StopWatch(pid) == "");
  CHECK(ReadWhole(t.path + "/watch.err").find("rendered 1, up to date 0, failed 0") != std::string::npos);
}
