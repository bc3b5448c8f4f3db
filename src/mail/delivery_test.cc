#include "mail/delivery.h"

#include <deque>

#include <doctest/doctest.h>

namespace brief {

namespace {

// An in-memory transport answering from a script, recording what it got.
class ScriptedTransport : public MailTransport {
 public:
  explicit ScriptedTransport(std::deque<SendResult> replies) : replies_(std::move(replies)) {}
  SendResult Send(const std::string& from, const std::vector<std::string>& recipients,
                  const std::string& message) override {
    sent.push_back(from + " -> " + recipients.front() + ": " + message);
    SendResult r = replies_.front();
    if (replies_.size() > 1) replies_.pop_front();
    return r;
  }
  std::vector<std::string> sent;

 private:
  std::deque<SendResult> replies_;
};

const SendResult kOk{true, false, 250, ""};
const SendResult kLater{false, true, 451, "try again later (SMTP 451)"};
const SendResult kNever{false, false, 550, "rejected (SMTP 550)"};

}  // namespace

TEST_CASE("delivery: temporary failures are tried again after growing pauses, permanent ones are not") {
  std::vector<int> pauses;
  auto pause = [&](int ms) { pauses.push_back(ms); };
  int attempts = 0;
  ScriptedTransport once({kLater, kOk});
  SendResult r = SendWithRetries(once, "a@example.com", {"b@example.com"}, "hello", 3, pause, &attempts);
  CHECK(r.ok);
  CHECK(attempts == 2);
  CHECK(once.sent.size() == 2);
  CHECK(pauses == std::vector<int>{500});
  pauses.clear();
  ScriptedTransport never({kNever});
  r = SendWithRetries(never, "a@example.com", {"b@example.com"}, "hello", 3, pause, &attempts);
  CHECK_FALSE(r.ok);
  CHECK(r.code == 550);
  CHECK(attempts == 1);
  CHECK(pauses.empty());
  ScriptedTransport always({kLater});
  r = SendWithRetries(always, "a@example.com", {"b@example.com"}, "hello", 3, pause, &attempts);
  CHECK_FALSE(r.ok);
  CHECK(r.temporary);
  CHECK(attempts == 4);
  CHECK(pauses == std::vector<int>{500, 1000, 2000});
}

}  // namespace brief
