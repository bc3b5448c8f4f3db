#include "batch/github.h"

#include <fmt/format.h>

namespace brief {

namespace {

std::string Escape(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string GithubEscapeData(const std::string& text) { return Escape(text, false); }

std::string GithubEscapeProperty(const std::string& text) { return Escape(text, true); }

std::string GithubAnnotation(const Diagnostic& d) {
  std::string properties = "file=" + GithubEscapeProperty(d.file);
  if (d.line > 0) {
    properties += fmt::format(",line={}", d.line);
    if (d.column > 0) properties += fmt::format(",col={}", d.column);
  }
  std::string title = d.path.empty() ? "brief" : "brief: " + d.path;
  properties += ",title=" + GithubEscapeProperty(title);
  std::string message = d.message;
  if (!d.hint.empty()) message += "\nhint: " + d.hint;
  return fmt::format("::{} {}::{}", d.severity == Severity::kError ? "error" : "warning", properties,
                     GithubEscapeData(message));
}

}  // namespace brief
