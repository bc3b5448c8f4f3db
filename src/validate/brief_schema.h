// The brief format as a JSON Schema (draft 2020-12), for editors: with the
// YAML language server (VS Code's YAML extension and others) it completes
// keys and flags unknown keys, wrong types and missing required keys as
// people type. The validator stays the authority: the schema cannot say
// everything it checks (calendar dates, order, glyphs, fitting the page).
#pragma once

namespace brief {

// The schema's JSON text, ending in a newline.
const char* BriefJsonSchema();

}  // namespace brief
