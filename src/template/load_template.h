// Loads and validates a template file, with the same diagnostics as briefs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"
#include "load/tree_cache.h"
#include "template/template.h"

namespace brief {

// Reads the template at `path`, its syntax tree through `trees` when given.
// Every problem becomes a diagnostic (file:line:col: path: message);
// returns the template when there is none.
std::optional<Template> LoadTemplateFile(const FileSystem& fs, const std::string& path,
                                         std::vector<Diagnostic>* diagnostics,
                                         const TreeCache* trees = nullptr);

// Where `-t NAME` points: NAME itself when it names a file (contains '/' or
// ends in .yaml/.yml), else <templates_dir>/NAME.yaml.
std::string TemplatePath(const std::string& templates_dir, const std::string& name);

}  // namespace brief
