// brief templates: the templates -t can name, from every folder of the
// resource search path, and where each one is.
#include <ostream>

#include <fmt/format.h>

#include "app/commands.h"

namespace brief {

int RunTemplatesCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  std::vector<TemplateEntry> list = ListTemplates(fs, job.resources);
  if (list.empty()) {
    err << "brief: error: no templates found; searched in this order:\n" << DescribeSearchPath(fs, job.resources);
    return kExitUsage;
  }
  size_t width = 0;
  for (const TemplateEntry& t : list) width = std::max(width, t.name.size());
  for (const TemplateEntry& t : list) {
    std::string hidden;
    for (const TemplateEntry& first : list) {
      if (t.shadowed && first.name == t.name && !first.shadowed) hidden = ", hidden by the one from " + first.origin;
    }
    out << fmt::format("{:<{}}  {} ({}){}\n", t.name, width, t.path, t.origin, hidden);
  }
  return kExitOk;
}

}  // namespace brief
