// GitHub Actions workflow commands, so that diagnostics annotate the lines
// of a pull request: `::error file=F,line=L,col=C,title=T::MESSAGE`.
#pragma once

#include <string>

#include "base/diagnostic.h"

namespace brief {

// A command's message: '%', CR and LF percent-encoded (%25, %0D, %0A), as
// the runner decodes them. Colons need no escape there: the runner splits
// the line at the first "::" after the command, which comes before it.
std::string GithubEscapeData(const std::string& text);

// A property value (file, title): as above, and ':' and ',' too (%3A, %2C),
// which would otherwise end the property or the property list.
std::string GithubEscapeProperty(const std::string& text);

// One line (no newline) for the diagnostic: ::error or ::warning, with
// file, and line and col when known; the title names the brief path, the
// message carries the hint on a second line.
std::string GithubAnnotation(const Diagnostic& d);

}  // namespace brief
