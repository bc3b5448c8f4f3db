#include "batch/junit.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace brief {

namespace {

bool XmlAllowed(int cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string Seconds(double s) { return fmt::format("{:.3f}", s); }

}  // namespace

std::string XmlEscape(const std::string& text, bool attribute) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    int cp = DecodeUtf8(text, &pos);
    if (cp < 0 || !XmlAllowed(cp)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      if (pos == before) ++pos;
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;  // Kept in attributes.
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out.append(text, before, pos - before);
    }
  }
  return out;
}

std::string JunitXml(const std::string& suite, const std::vector<ReportItem>& items,
                     double seconds) {
  int failures = 0, skipped = 0;
  for (const ReportItem& item : items) {
    skipped += item.skipped ? 1 : 0;
    failures += item.ok || item.skipped ? 0 : 1;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += fmt::format("<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{}\">\n",
                     XmlEscape(suite), items.size(), failures, Seconds(seconds));
  xml += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"{}\">\n",
                     XmlEscape(suite), items.size(), failures, skipped, Seconds(seconds));
  for (const ReportItem& item : items) {
    xml += fmt::format("    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" time=\"{}\"",
                       XmlEscape(suite), XmlEscape(item.input), XmlEscape(item.input),
                       Seconds(item.seconds));
    std::string all, warnings;
    const Diagnostic* first_error = nullptr;
    for (const Diagnostic& d : item.diagnostics) {
      all += FormatDiagnostic(d) + "\n";
      if (d.severity == Severity::kWarning) warnings += FormatDiagnostic(d) + "\n";
      if (d.severity == Severity::kError && !first_error) first_error = &d;
    }
    std::string out = item.output.empty() ? item.status
                      : item.ok           ? item.status + ": " + item.output
                                          : item.status + "; " + item.output + " is from an earlier run";
    out += "\n" + (item.ok ? warnings : "");
    xml += ">\n";
    if (item.skipped) {
      xml += "      <skipped message=\"not started: the run was interrupted\"/>\n";
    } else if (!item.ok) {
      std::string message = first_error ? first_error->message : item.status;
      xml += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                         XmlEscape(message), XmlEscape(item.status), XmlEscape(all, false));
    }
    xml += fmt::format("      <system-out>{}</system-out>\n", XmlEscape(out, false));
    xml += "    </testcase>\n";
  }
  xml += "  </testsuite>\n</testsuites>\n";
  return xml;
}

}  // namespace brief
