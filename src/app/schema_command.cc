// brief schema: the brief format as a JSON Schema, for editors.
#include <ostream>

#include "app/commands.h"
#include "validate/brief_schema.h"

namespace brief {

int RunSchemaCommand(const Job&, const FileSystem&, std::ostream& out, std::ostream&) {
  out << BriefJsonSchema();
  return kExitOk;
}

}  // namespace brief
