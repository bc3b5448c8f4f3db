// JUnit XML, the test report format GitLab, Jenkins and Azure Pipelines
// display: one testsuite for the run, one testcase per brief.
#pragma once

#include <string>
#include <vector>

#include "batch/report_item.h"

namespace brief {

// `suite` names the run ("brief render"). A brief that did not pass is a
// testcase with one <failure> whose message is its first error and whose
// text lists every diagnostic; warnings of passing briefs go to
// <system-out>; a brief an interrupted run did not reach is <skipped>.
// Text is escaped for XML, and characters XML 1.0 cannot hold
// (control characters, invalid UTF-8) are replaced by U+FFFD.
std::string JunitXml(const std::string& suite, const std::vector<ReportItem>& items,
                     double seconds);

// Text made safe for XML attribute values (line breaks and tabs as
// character references, which attribute normalisation would otherwise turn
// into spaces) or, with `attribute` false, for character data.
std::string XmlEscape(const std::string& text, bool attribute = true);

}  // namespace brief
