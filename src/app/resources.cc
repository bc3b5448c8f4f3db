#include "app/resources.h"

#include <algorithm>

#include "template/load_template.h"

namespace brief {

namespace {

bool IsTemplateFile(const std::string& name) {
  return (name.size() > 5 && name.ends_with(".yaml")) || (name.size() > 4 && name.ends_with(".yml"));
}

std::string Stem(const std::string& name) { return name.substr(0, name.rfind('.')); }

}  // namespace

std::vector<ResourceDir> ResourceSearchPath(const std::string& flag, const EnvLookup& env,
                                            const std::string& exe) {
  std::vector<ResourceDir> dirs;
  auto add = [&](const std::string& path, const std::string& origin) {
    if (path.empty()) return;
    for (const ResourceDir& d : dirs) {
      if (d.path == path) return;
    }
    dirs.push_back({path, origin});
  };
  auto get = [&](const char* name) -> std::string {
    const char* v = env(name);
    return v && *v ? v : "";
  };
  add(flag, "--resources");
  add(get("BRIEF_HOME"), "$BRIEF_HOME");
  std::string data_home = get("XDG_DATA_HOME");
  if (!data_home.empty() && data_home[0] != '/') data_home.clear();  // Relative: ignored (XDG).
  if (data_home.empty() && !get("HOME").empty()) data_home = get("HOME") + "/.local/share";
  if (!data_home.empty()) add(data_home + "/brief", "$XDG_DATA_HOME");
  std::string data_dirs = get("XDG_DATA_DIRS");
  if (data_dirs.empty()) data_dirs = "/usr/local/share:/usr/share";
  for (size_t start = 0; start <= data_dirs.size();) {
    size_t end = data_dirs.find(':', start);
    if (end == std::string::npos) end = data_dirs.size();
    std::string dir = data_dirs.substr(start, end - start);
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (!dir.empty() && dir[0] == '/') add(dir + "/brief", "$XDG_DATA_DIRS");  // Relative entries are ignored (XDG).
    start = end + 1;
  }
  if (!exe.empty()) {
    std::string bin = DirName(exe);      // .../bin or .../build
    std::string prefix = DirName(bin);   // the install prefix, or the checkout
    add(JoinPath(prefix, "share/brief"), "install prefix");
    add(prefix, "source tree");
  }
  return dirs;
}

std::optional<FoundTemplate> FindTemplate(const FileSystem& fs, const std::vector<ResourceDir>& dirs,
                                          const std::string& name) {
  bool is_path = name.find('/') != std::string::npos || IsTemplateFile(name);
  for (const ResourceDir& d : dirs) {
    std::string fonts = JoinPath(d.path, "fonts");
    if (is_path) {
      if (fs.Kind(fonts) == PathKind::kDirectory) return FoundTemplate{name, fonts};
      continue;
    }
    std::string file = TemplatePath(JoinPath(d.path, "templates"), name);
    if (fs.Kind(file) == PathKind::kFile) return FoundTemplate{file, fs.Kind(fonts) == PathKind::kDirectory ? fonts : ""};
  }
  if (is_path) return FoundTemplate{name, ""};
  return std::nullopt;
}

std::vector<TemplateEntry> ListTemplates(const FileSystem& fs, const std::vector<ResourceDir>& dirs) {
  std::vector<TemplateEntry> out;
  for (const ResourceDir& d : dirs) {
    std::string folder = JoinPath(d.path, "templates");
    std::vector<std::string> names;
    std::string error;
    if (fs.Kind(folder) != PathKind::kDirectory || !fs.List(folder, &names, &error)) continue;
    for (const std::string& n : names) {
      if (!IsTemplateFile(n) || fs.Kind(JoinPath(folder, n)) != PathKind::kFile) continue;
      std::string stem = Stem(n);
      bool shadowed = std::any_of(out.begin(), out.end(), [&](const TemplateEntry& e) { return e.name == stem; });
      // NAME.yaml is what -t NAME finds; a NAME.yml beside it is not.
      if (n.ends_with(".yml")) continue;
      out.push_back({stem, JoinPath(folder, n), d.origin, shadowed});
    }
  }
  return out;
}

std::string DescribeSearchPath(const FileSystem& fs, const std::vector<ResourceDir>& dirs) {
  std::string out;
  for (const ResourceDir& d : dirs) {
    out += "  " + d.origin + ": " + d.path;
    if (fs.Kind(d.path) != PathKind::kDirectory) out += " (does not exist)";
    out += "\n";
  }
  return out;
}

}  // namespace brief
