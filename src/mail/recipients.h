// Who gets which brief in a batch: a YAML file mapping brief names (a
// brief's output path without ".pdf", such as "europe/volvo") or globs
// ("europe/*", "*") to the to, cc and bcc addresses for them:
//
//   avtotor:
//     to: Анна Петрова <anna@example.ru>      # one address, or a list
//     cc: [ops@example.com]
//   "europe/*":
//     to: [europe-desk@example.com]
//   "*":
//     bcc: archive@example.com
//
// Every entry that matches a brief adds its addresses; in a glob '*' also
// matches '/'. See docs/mail.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/filesystem.h"

namespace brief {

struct RecipientRule {
  std::string pattern;                   // A name, or a glob with * ? [...].
  std::vector<std::string> to, cc, bcc;  // Mailboxes as written ("Name <a@b>").
  int line = 0, column = 0;              // Where the entry's key is.
};

struct Recipients {
  std::string file;
  std::vector<RecipientRule> rules;

  // The rules that match a brief's name, in file order.
  std::vector<const RecipientRule*> For(const std::string& name) const;
};

// Reads and checks the file: a mapping of names to mappings with only to,
// cc and bcc (a typo gets the nearest key), each an address or a list of
// them, every address checked. Diagnostics as for briefs (file, line,
// column, path). nullopt when there was any error.
std::optional<Recipients> LoadRecipients(const FileSystem& fs, const std::string& path,
                                         std::vector<Diagnostic>* diagnostics);

}  // namespace brief
