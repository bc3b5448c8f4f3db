// Reading rendered PDFs back with poppler-utils and qpdf: the checks every
// page must pass.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/run_binary.h"

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The checks every rendered PDF must pass.
inline void CheckPdf(const std::string& pdf, const std::string& page_size) {
  INFO(pdf);
  Run check = RunShell("qpdf --check '" + pdf + "'");
  CHECK(check.status == 0);
  CHECK(check.out.find("No syntax or stream encoding errors found") != std::string::npos);
  Run info = RunShell("pdfinfo '" + pdf + "'");
  CHECK(info.status == 0);
  CHECK(info.err == "");  // No poppler warning (the ToUnicode fix).
  CHECK(info.out.find("Pages:           1\n") != std::string::npos);
  CHECK(info.out.find("Page size:       " + page_size) != std::string::npos);
  Run fonts = RunShell("pdffonts '" + pdf + "'");
  CHECK(fonts.err == "");
  std::vector<std::string> rows = Lines(fonts.out);
  REQUIRE(rows.size() >= 4);  // Header, rule, regular, bold.
  for (size_t i = 2; i < rows.size(); ++i) {
    INFO(rows[i]);
    CHECK(rows[i].find("CID TrueType") != std::string::npos);
    CHECK(rows[i].find(" yes yes yes ") != std::string::npos);  // emb, sub, uni
  }
  Run text = RunShell("pdftotext '" + pdf + "' -");
  CHECK(text.status == 0);
  CHECK(text.err == "");
}

inline std::string Text(const std::string& pdf) { return RunShell("pdftotext '" + pdf + "' -").out; }

