#include "mail/delivery.h"

namespace brief {

SendResult SendWithRetries(MailTransport& transport, const std::string& from,
                           const std::vector<std::string>& recipients, const std::string& message,
                           int retries, const std::function<void(int)>& pause, int* attempts) {
  SendResult result;
  *attempts = 0;
  for (int attempt = 0;; ++attempt) {
    ++*attempts;
    result = transport.Send(from, recipients, message);
    if (result.ok || !result.temporary || attempt >= retries) return result;
    pause(500 << attempt);
  }
}

}  // namespace brief
