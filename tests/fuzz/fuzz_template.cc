// libFuzzer target: any bytes as a template file, through the template's
// load and validation.
#include <cstdint>
#include <string>

#include "base/filesystem.h"
#include "template/load_template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  brief::MemoryFileSystem fs;
  fs.Add("t.yaml", std::string(reinterpret_cast<const char*>(data), size));
  std::vector<brief::Diagnostic> problems;
  brief::LoadTemplateFile(fs, "t.yaml", &problems);
  return 0;
}
