// The record of messages sent, so that a second run does not send the same
// brief to the same people again: OUT/sent.jsonl, one JSON object a line,
// appended (and flushed) right after each message is accepted.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace brief {

struct SentRecord {
  std::string output;                   // The PDF, relative to OUT.
  std::vector<std::string> recipients;  // Envelope addresses, sorted.
  std::string sha256;                   // The PDF's.
  std::string message_id;
  long long date = 0;
};

class SentLog {
 public:
  // Reads `path` if it exists; a line that is not a record (a run killed
  // mid-write) is skipped.
  explicit SentLog(std::string path);

  // True when the same PDF went to the same recipients before.
  bool WasSent(const std::string& output, std::vector<std::string> recipients,
               const std::string& sha256) const;

  // Appends a record on a line of its own (after a torn last line, too);
  // false with *error when the file cannot be written.
  bool Add(SentRecord record, std::string* error);

  // False with *error when records could not be added (checked before
  // anything is sent: a message the log cannot record would go again).
  bool Writable(std::string* error) const;

  // Lines that were not records (a torn line, a file edited by hand).
  int unreadable() const { return unreadable_; }

 private:
  std::string path_;
  std::set<std::string> keys_;
  int unreadable_ = 0;
  bool ends_in_newline_ = true;
};

}  // namespace brief
