#include "batch/junit.h"

#include <doctest/doctest.h>

namespace brief {

TEST_CASE("junit: one testcase per brief, failures carry the diagnostics, text made safe for XML") {
  std::vector<ReportItem> items = {
      {"briefs/a.yaml", "out/a.pdf", "rendered", true, false, 0.0125,
       {{Severity::kWarning, "briefs/a.yaml", 2, 3, "company.name", "odd <name> & \"quotes\"", ""}}},
      {"briefs/b.yaml", "", "failed", false, false, 0.5,
       {{Severity::kError, "briefs/b.yaml", 1, 8, "brief", "version 2\x01 is not supported \xff", ""}}},
  };
  std::string xml = JunitXml("brief render", items, 1.25);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"brief render\" "
                  "tests=\"2\" failures=\"1\" errors=\"0\" time=\"1.250\">\n",
                  0) == 0);
  CHECK(xml.find("<testcase classname=\"brief render\" name=\"briefs/a.yaml\" file=\"briefs/a.yaml\" "
                 "time=\"0.013\">") != std::string::npos);
  CHECK(xml.find("<failure message=\"version 2\xEF\xBF\xBD is not supported \xEF\xBF\xBD\" type=\"failed\">"
                 "briefs/b.yaml:1:8: error: brief: version 2") != std::string::npos);
  CHECK(xml.find("odd &lt;name&gt; &amp; &quot;quotes&quot;") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
}

}  // namespace brief
