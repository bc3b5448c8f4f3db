// Sending one message with retries: a temporary failure (4xx, a dropped
// connection) is tried again after a growing pause; a permanent one is not.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mail/transport.h"

namespace brief {

// Sends through `transport`, trying again up to `retries` times after a
// temporary failure, waiting 0.5 s, 1 s, 2 s... (`pause` is called with the
// milliseconds; tests pass one that does not sleep). Returns the last result
// and sets *attempts to the number of tries made.
SendResult SendWithRetries(MailTransport& transport, const std::string& from,
                           const std::vector<std::string>& recipients, const std::string& message,
                           int retries, const std::function<void(int)>& pause, int* attempts);

}  // namespace brief
