// libFuzzer target: any bytes as a brief file, through load → validate →
// layout → render to memory (nothing is written). A crash, a sanitizer
// report or a hang is a finding; diagnostics are the expected outcome.
#include <cstdint>
#include <memory>
#include <string>

#include "app/brief_renderer.h"
#include "base/filesystem.h"
#include "template/load_template.h"
#include "validate/check_brief.h"

namespace {

// The classic template's renderer, prepared once (fonts are the slow part).
const brief::BriefRenderer& Renderer() {
  static std::unique_ptr<brief::BriefRenderer> renderer = [] {
    brief::DiskFileSystem disk;
    std::vector<brief::Diagnostic> problems;
    auto t = brief::LoadTemplateFile(disk, BRIEF_SOURCE_DIR "/templates/classic.yaml", &problems);
    std::string error;
    auto r = brief::BriefRenderer::Create(*t, BRIEF_SOURCE_DIR "/fonts", &error);
    if (!r) __builtin_trap();
    return r;
  }();
  return *renderer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  brief::MemoryFileSystem fs;
  fs.Add("b/brief.yaml", std::string(reinterpret_cast<const char*>(data), size));
  brief::BriefCheck check = brief::CheckBriefFile(fs, "b/brief.yaml", false);
  if (check.brief) Renderer().Render(*check.brief, "b/brief.yaml", 0);
  return 0;
}
