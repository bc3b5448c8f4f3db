#include "mail/sent_log.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

namespace brief {

namespace {

std::string Key(const std::string& output, std::vector<std::string> recipients, const std::string& sha) {
  std::sort(recipients.begin(), recipients.end());
  std::string key = output + '\n' + sha;
  for (const std::string& r : recipients) key += '\n' + r;
  return key;
}

}  // namespace

SentLog::SentLog(std::string path) : path_(std::move(path)) {
  std::ifstream in(path_, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    ends_in_newline_ = !in.eof();
    if (line.empty()) continue;
    try {
      nlohmann::json j = nlohmann::json::parse(line);
      keys_.insert(Key(j.at("output").get<std::string>(), j.at("recipients").get<std::vector<std::string>>(),
                       j.at("sha256").get<std::string>()));
    } catch (const nlohmann::json::exception&) {
      ++unreadable_;  // A torn line: that record is lost, never a wrong one read.
    }
  }
}

bool SentLog::Writable(std::string* error) const {
  std::ofstream out(path_, std::ios::app | std::ios::binary);
  if (!out) {
    *error = "cannot write the sent log '" + path_ + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

bool SentLog::WasSent(const std::string& output, std::vector<std::string> recipients,
                      const std::string& sha256) const {
  return keys_.count(Key(output, std::move(recipients), sha256)) > 0;
}

bool SentLog::Add(SentRecord r, std::string* error) {
  std::sort(r.recipients.begin(), r.recipients.end());
  nlohmann::ordered_json j = {{"output", r.output},           {"recipients", r.recipients},
                              {"sha256", r.sha256},           {"message_id", r.message_id},
                              {"date", r.date}};
  std::ofstream out(path_, std::ios::app | std::ios::binary);
  if (!ends_in_newline_) out << "\n";  // A torn last line stays alone.
  ends_in_newline_ = true;
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  out.flush();
  if (!out) {
    *error = "cannot write '" + path_ + "': " + std::strerror(errno);
    return false;
  }
  keys_.insert(Key(r.output, r.recipients, r.sha256));
  return true;
}

}  // namespace brief
