#include "batch/progress.h"

#include <sstream>

#include <doctest/doctest.h>

namespace brief {

TEST_CASE("progress: done/total, failures, rate and ETA, and nothing at all when disabled") {
  CHECK(Progress::Line(0, 1000, 0, 0, false) == "[   0/1000]");
  CHECK(Progress::Line(412, 1000, 3, 4.0, false) == "[ 412/1000] 3 failed · 103.0 briefs/s · ETA 6 s");
  CHECK(Progress::Line(412, 1000, 3, 4.0, true) ==
        "[ 412/1000] \033[31m3 failed\033[0m · 103.0 briefs/s · ETA 6 s");
  CHECK(Progress::Line(10, 1000, 0, 10.0, false) == "[  10/1000] 1.0 briefs/s · ETA 17 min");
  CHECK(Progress::Line(1000, 1000, 0, 10.0, false) == "[1000/1000] 100.0 briefs/s");
  std::ostringstream off;
  {
    Progress p(off, false, false, 100);
    p.Update(50, 1);
  }
  CHECK(off.str().empty());
  std::ostringstream on;
  {
    Progress p(on, true, false, 100);
    p.Update(1, 0);
    p.Update(100, 0);
  }
  // Drawn in place and erased at the end: the last thing written clears the line.
  CHECK(on.str().rfind("\r[  1/100]", 0) == 0);
  CHECK(on.str().size() >= 5);
  CHECK(on.str().substr(on.str().size() - 4) == "\r\033[K");
}

}  // namespace brief
