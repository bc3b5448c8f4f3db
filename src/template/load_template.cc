#include "template/load_template.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "load/yaml_loader.h"
#include "validate/node_reader.h"

namespace brief {

namespace {

// Reads a number within [lo, hi] into *out when the key is present.
void Number(NodeReader& r, const MapFields& f, const std::string& key, double lo, double hi,
            double* out) {
  int id = f.Get(key);
  if (id < 0) return;
  std::string path = KeyPath(f.path, key);
  auto v = r.ReadNumber(id, path);
  if (!v) return;
  if (*v < lo || *v > hi) {
    r.Error(id, path, fmt::format("{} is outside {}..{}", r.node(id).text, lo, hi));
    return;
  }
  *out = *v;
}

std::optional<Color> ParseColor(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  unsigned value = 0;
  for (size_t i = 1; i < 7; ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return Color{((value >> 16) & 255) / 255.0, ((value >> 8) & 255) / 255.0, (value & 255) / 255.0};
}

void ReadColors(NodeReader& r, int id, Template* t) {
  struct Slot {
    const char* key;
    Color* color;
  };
  const Slot slots[] = {{"accent", &t->accent}, {"text", &t->text},
                        {"muted", &t->muted},   {"band", &t->band},
                        {"band_text", &t->band_text}, {"callout", &t->callout},
                        {"callout_border", &t->callout_border}, {"rule", &t->rule},
                        {"shade", &t->shade}, {"ongoing", &t->ongoing},
                        {"partial", &t->partial}, {"resolved", &t->resolved}};
  std::vector<std::string> keys;
  for (const Slot& s : slots) keys.push_back(s.key);
  auto f = r.ReadMap(id, "colors", keys);
  if (!f) return;
  for (const Slot& s : slots) {
    int v = f->Get(s.key);
    if (v < 0) continue;
    std::string path = KeyPath("colors", s.key);
    auto text = r.ReadText(v, path, 20);
    if (!text) continue;
    if (auto c = ParseColor(*text)) {
      *s.color = *c;
    } else {
      r.Error(v, path, fmt::format("'{}' is not a colour; write it as \"#RRGGBB\"", *text),
              "quote it: YAML reads # as the start of a comment");
    }
  }
}

void ReadColumns(NodeReader& r, int id, Template* t) {
  auto items = r.ReadList(id, "columns", true, 3);
  if (!items) return;
  std::map<std::string, int> placed;  // section → node where first placed
  double total = 0;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string path = IndexPath("columns", i);
    auto f = r.ReadMap((*items)[i], path, {"width", "sections"});
    if (!f) continue;
    Column column;
    if (int w = r.Require(*f, "width"); w >= 0) {
      Number(r, *f, "width", 10, 100, &column.width_percent);
    }
    total += column.width_percent;
    if (int s = r.Require(*f, "sections"); s >= 0) {
      auto sections = r.ReadList(s, path + ".sections", true, SectionNames().size());
      for (size_t k = 0; sections && k < sections->size(); ++k) {
        std::string spath = IndexPath(path + ".sections", k);
        auto name = r.ReadEnum((*sections)[k], spath, SectionNames());
        if (!name) continue;
        if (!placed.emplace(*name, (*sections)[k]).second) {
          r.Error((*sections)[k], spath, fmt::format("section '{}' is placed twice", *name));
          continue;
        }
        auto index = std::find(SectionNames().begin(), SectionNames().end(), *name) -
                     SectionNames().begin();
        column.sections.push_back(static_cast<Section>(index));
      }
    }
    t->columns.push_back(column);
  }
  if (t->columns.size() == items->size() && std::abs(total - 100) > 0.5) {
    r.Error(id, "columns", fmt::format("column widths add up to {}; they must add up to 100", total));
  }
  // Sections added to the format after templates were written go after the
  // section they extend, in its column, when a template does not place them.
  if (!placed.count("volumes")) {
    placed.emplace("volumes", id);
    for (Column& column : t->columns) {
      auto it = std::find(column.sections.begin(), column.sections.end(), Section::kRevenue);
      if (it != column.sections.end()) column.sections.insert(it + 1, Section::kVolumes);
    }
  }
  for (const std::string& name : SectionNames()) {
    if (!placed.count(name)) {
      r.Error(id, "columns", fmt::format("section '{}' is not placed in any column", name));
    }
  }
}

}  // namespace

std::string TemplatePath(const std::string& templates_dir, const std::string& name) {
  auto ends_with = [&](const std::string& ext) {
    return name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (name.find('/') != std::string::npos || ends_with(".yaml") || ends_with(".yml")) return name;
  return JoinPath(templates_dir, name + ".yaml");
}

std::optional<Template> LoadTemplateFile(const FileSystem& fs, const std::string& path,
                                         std::vector<Diagnostic>* diagnostics, const TreeCache* trees) {
  size_t errors_before = static_cast<size_t>(CountSeverity(*diagnostics, Severity::kError));
  std::string source, error;
  LoadLimits limits;
  limits.what = "a template";
  if (!fs.Read(path, limits.max_bytes, &source, &error)) {
    diagnostics->push_back({Severity::kError, path, 0, 0, "", "cannot read template: " + error, ""});
    return std::nullopt;
  }
  SyntaxTree tree;
  bool loaded = trees ? trees->Load(path, source, limits, &tree, diagnostics)
                      : LoadYaml(path, source, limits, &tree, diagnostics);
  if (!loaded) return std::nullopt;
  NodeReader r(path, tree, diagnostics);
  auto root = r.ReadMap(tree.root, "", {"template", "name", "page", "fonts", "type", "colors",
                                         "header", "headline", "gutter", "columns"});
  if (!root) return std::nullopt;
  Template t;
  t.path = path;
  if (int id = r.Require(*root, "template", "the template format version: write 'template: 1'");
      id >= 0) {
    if (auto v = r.ReadInteger(id, "template"); v && *v != 1) {
      r.Error(id, "template", fmt::format("template version {} is not supported; only 1 exists", *v));
    }
  }
  if (int id = r.Require(*root, "name"); id >= 0) {
    if (auto v = r.ReadText(id, "name", 60)) t.name = *v;
  }
  if (int id = root->Get("page"); id >= 0) {
    if (auto page = r.ReadMap(id, "page", {"size", "margins"})) {
      if (int s = page->Get("size"); s >= 0) {
        if (auto size = r.ReadEnum(s, "page.size", {"A4", "Letter"})) {
          t.page_size = *size;
          if (*size == "Letter") {
            t.page_width = 612;
            t.page_height = 792;
          }
        }
      }
      if (int m = page->Get("margins"); m >= 0) {
        if (auto margins = r.ReadMap(m, "page.margins", {"top", "right", "bottom", "left"})) {
          Number(r, *margins, "top", 0, 144, &t.margin_top);
          Number(r, *margins, "right", 0, 144, &t.margin_right);
          Number(r, *margins, "bottom", 0, 144, &t.margin_bottom);
          Number(r, *margins, "left", 0, 144, &t.margin_left);
        }
      }
    }
  }
  if (int id = root->Get("fonts"); id >= 0) {
    if (auto f = r.ReadMap(id, "fonts", {"regular", "bold", "fallback"})) {
      if (int v = f->Get("regular"); v >= 0) t.font_regular = r.ReadText(v, "fonts.regular", 200).value_or("");
      if (int v = f->Get("bold"); v >= 0) t.font_bold = r.ReadText(v, "fonts.bold", 200).value_or("");
      if (int v = f->Get("fallback"); v >= 0) {
        auto items = r.ReadList(v, "fonts.fallback", false, 32);
        for (size_t i = 0; items && i < items->size(); ++i) {
          if (auto name = r.ReadText((*items)[i], IndexPath("fonts.fallback", i), 200)) {
            t.font_fallbacks.push_back(*name);
          }
        }
      }
    }
  }
  if (int id = root->Get("type"); id >= 0) {
    if (auto f = r.ReadMap(id, "type", {"base", "minimum", "maximum", "title", "heading", "small",
                                        "leading"})) {
      Number(r, *f, "base", 5, 14, &t.size_base);
      Number(r, *f, "minimum", 5, 14, &t.size_minimum);
      Number(r, *f, "maximum", 5, 18, &t.size_maximum);
      Number(r, *f, "title", 8, 48, &t.size_title);
      Number(r, *f, "heading", 5, 24, &t.size_heading);
      Number(r, *f, "small", 4, 14, &t.size_small);
      Number(r, *f, "leading", 1, 2, &t.leading);
      if (t.size_minimum > t.size_base) {
        r.Error(f->Get("minimum") >= 0 ? f->Get("minimum") : id, "type.minimum",
                fmt::format("minimum {} is larger than base {}", t.size_minimum, t.size_base));
      }
      if (t.size_maximum > 0 && t.size_maximum < t.size_base) {
        r.Error(f->Get("maximum"), "type.maximum",
                fmt::format("maximum {} is smaller than base {}", t.size_maximum, t.size_base));
      }
    }
  }
  if (int id = root->Get("colors"); id >= 0) ReadColors(r, id, &t);
  if (int id = root->Get("header"); id >= 0) {
    if (auto h = r.ReadEnum(id, "header", {"band", "rule"})) {
      t.header = *h == "band" ? HeaderStyle::kBand : HeaderStyle::kRule;
    }
  }
  if (int id = root->Get("headline"); id >= 0) {
    if (auto h = r.ReadBool(id, "headline")) t.headline = *h;
  }
  if (int id = root->Get("gutter"); id >= 0) Number(r, *root, "gutter", 0, 72, &t.gutter);
  if (int id = r.Require(*root, "columns"); id >= 0) ReadColumns(r, id, &t);
  if (t.page_width - t.margin_left - t.margin_right < 200 ||
      t.page_height - t.margin_top - t.margin_bottom < 300) {
    r.Error(root->node, "page.margins", "the margins leave too little room for content");
  }
  if (static_cast<size_t>(CountSeverity(*diagnostics, Severity::kError)) != errors_before) {
    return std::nullopt;
  }
  return t;
}

}  // namespace brief
