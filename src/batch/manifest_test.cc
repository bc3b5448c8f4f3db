#include "batch/manifest.h"

#include <doctest/doctest.h>

#include "batch/merge.h"

namespace brief {

namespace {

Manifest Sample() {
  Manifest m;
  m.program = "brief 0.1.0";
  m.template_name = "classic";
  m.template_file = "templates/classic.yaml";
  m.template_sha256 = std::string(64, 'a');
  m.fonts = {"/fonts/Inter.ttf#4", "/fonts/Noto.ttf"};
  m.config_sha256 = ConfigSha256(m);
  ManifestEntry b;
  b.output = "z/b.pdf";
  b.input = "in/z/b.yaml";
  b.status = BriefStatus::kFailed;
  b.template_name = "classic";
  b.program = m.program;
  b.diagnostics = {{Severity::kError, "in/z/b.yaml", 3, 4, "company.name", "bad \"name\"\n", "fix ü"}};
  ManifestEntry a = b;
  a.output = "a.pdf";
  a.input = "in/a.yaml";
  a.status = BriefStatus::kRendered;
  a.sha256 = std::string(64, 'b');
  a.bytes = 19000;
  a.dependencies = {{"in/a.yaml", std::string(64, 'c')}, {"/fonts/Inter.ttf", std::string(64, 'd')}};
  a.diagnostics = {{Severity::kWarning, "in/a.yaml", 0, 0, "", "w", ""}};
  m.briefs = {b, a};
  m.orphans = {{"old.pdf", std::string(64, 'e'), "in/old.yaml"}};
  return m;
}

}  // namespace

TEST_CASE("manifest: written in a stable order and read back the same") {
  Manifest m = Sample();
  std::string json = ManifestJson(m);
  CHECK(json.find("\"format\": \"brief-manifest\",\n  \"version\": 1,") != std::string::npos);
  // Sorted by output whatever the order in memory.
  CHECK(json.find("\"output\": \"a.pdf\"") < json.find("\"output\": \"z/b.pdf\""));
  CHECK(json.find("\"summary\": {\n    \"rendered\": 1,\n    \"up_to_date\": 0,\n    \"failed\": 1,\n    \"not_started\": 0,\n    \"orphans\": 1\n  }") !=
        std::string::npos);
  Manifest back;
  std::string error;
  REQUIRE(ParseManifest(json, &back, &error));
  CHECK(ManifestJson(back) == json);
  CHECK(back.config_sha256 == ConfigSha256(back));
  REQUIRE(back.briefs.size() == 2);
  CHECK(back.briefs[0].output == "a.pdf");
  CHECK(back.briefs[0].dependencies == m.briefs[1].dependencies);
  CHECK(back.briefs[1].diagnostics[0].message == "bad \"name\"\n");
  CHECK(back.briefs[1].sha256.empty());
  // The template's folder and name are not part of the config; its content is.
  Manifest moved = m;
  moved.template_file = "/elsewhere/templates/classic.yaml";
  moved.template_name = "/elsewhere/templates/classic.yaml";
  CHECK(ConfigSha256(moved) == m.config_sha256);
  moved.template_sha256 = std::string(64, 'f');
  CHECK(ConfigSha256(moved) != m.config_sha256);
  moved = m;
  moved.source_date_epoch = 0;
  CHECK(ConfigSha256(moved) != m.config_sha256);
}

TEST_CASE("manifest: what is not a manifest is refused with the reason") {
  Manifest m;
  std::string error;
  CHECK_FALSE(ParseManifest("{\"a\": 1", &m, &error));
  CHECK(error.rfind("not valid JSON: ", 0) == 0);
  CHECK_FALSE(ParseManifest("{\"files\": []}", &m, &error));
  CHECK(error == "not a brief manifest (no \"format\": \"brief-manifest\")");
  std::string json = ManifestJson(Sample());
  std::string newer = json;
  newer.replace(newer.find("\"version\": 1"), 12, "\"version\": 2");
  CHECK_FALSE(ParseManifest(newer, &m, &error));
  CHECK(error == "manifest version 2 is not one this program reads (1)");
  std::string bad = json;
  bad.replace(bad.find("\"status\": \"rendered\""), 20, "\"status\": \"done\"");
  CHECK_FALSE(ParseManifest(bad, &m, &error));
  CHECK(error == "briefs[0]: unknown status 'done'");
  bad = json;
  bad.replace(bad.find("\"bytes\": 19000"), 14, "\"bytes\": \"big\"");
  CHECK_FALSE(ParseManifest(bad, &m, &error));
  CHECK(error == "briefs[0]: 'bytes' has the wrong type");
}

TEST_CASE("manifest merge: shards joined, outputs rebased, a missing shard and doubled briefs found") {
  auto shard = [](int k, std::vector<std::string> mine) {
    Manifest m = Sample();
    m.orphans.clear();
    m.briefs.clear();
    m.shard = ShardRecord{k, 3, {"a.pdf", "b.pdf", "c.pdf", "d.pdf"}};
    for (const std::string& o : mine) {
      ManifestEntry e;
      e.output = o;
      e.input = "in/" + o;
      e.status = BriefStatus::kRendered;
      e.sha256 = std::string(64, '1');
      e.bytes = 1;
      m.briefs.push_back(e);
    }
    return m;
  };
  std::vector<ManifestFile> files = {{"out/shard-1/manifest.json", shard(1, {"a.pdf"})},
                                     {"out/shard-2/manifest.json", shard(2, {"b.pdf", "d.pdf"})},
                                     {"out/shard-3/manifest.json", shard(3, {"c.pdf"})}};
  Manifest merged;
  std::vector<std::string> problems;
  CHECK(MergeManifests(files, "out", &merged, &problems));
  CHECK(problems.empty());
  CHECK_FALSE(merged.shard.has_value());
  REQUIRE(merged.briefs.size() == 4);
  CHECK(merged.briefs[0].output == "shard-1/a.pdf");
  CHECK(merged.briefs[1].output == "shard-2/b.pdf");

  std::vector<ManifestFile> two = {files[0], files[1]};
  CHECK_FALSE(MergeManifests(two, "out", &merged, &problems));
  CHECK(problems == std::vector<std::string>{"shard 3/3 is missing",
                                             "1 of the batch's 4 briefs are in no manifest: c.pdf"});
  problems.clear();
  std::vector<ManifestFile> doubled = files;
  doubled.push_back({"elsewhere/manifest.json", shard(3, {"c.pdf"})});
  CHECK_FALSE(MergeManifests(doubled, "out", &merged, &problems));
  CHECK(problems == std::vector<std::string>{
                        "shard 3/3 is given twice: out/shard-3/manifest.json and elsewhere/manifest.json",
                        "1 brief listed in both out/shard-3/manifest.json and elsewhere/manifest.json: c.pdf"});
  problems.clear();
  std::vector<ManifestFile> other = files;
  other[2].manifest.template_sha256 = std::string(64, '9');
  other[2].manifest.config_sha256 = ConfigSha256(other[2].manifest);
  CHECK_FALSE(MergeManifests(other, "out", &merged, &problems));
  CHECK(problems == std::vector<std::string>{"out/shard-3/manifest.json was made under another config "
                                             "than out/shard-1/manifest.json (another template)"});
}

}  // namespace brief
