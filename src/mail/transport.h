// Where a built message goes: an interface, so that tests can use an
// in-memory transport and the program an SMTP server.
#pragma once

#include <string>
#include <vector>

namespace brief {

// What the server (or transport) said of one message.
struct SendResult {
  bool ok = false;
  bool temporary = false;  // Worth trying again: a 4xx reply, a dropped or refused connection.
  int code = 0;            // The last SMTP reply code, 0 when there was none.
  std::string reply;       // What went wrong, in the server's words where it gave any.
  bool login_denied = false;  // The server refused the credentials: no use trying other messages.
  bool connection = false;    // No server to talk to (refused, unreachable, silent).
  bool interrupted = false;   // SIGINT or SIGTERM arrived during the transfer.
};

class MailTransport {
 public:
  virtual ~MailTransport() = default;
  // Sends `message` (RFC 5322, CRLF) from `from` to every address of
  // `recipients` (To, Cc and Bcc alike: the envelope).
  virtual SendResult Send(const std::string& from, const std::vector<std::string>& recipients,
                          const std::string& message) = 0;
};

// SMTP through libcurl.
struct SmtpOptions {
  std::string url;         // smtp://host[:port] or smtps://host[:port]
  bool insecure = false;   // Allow a plain-text session (refused unless the host is loopback).
  std::string ca_file;     // Trust this certificate bundle instead of the system's.
  std::string user, password;  // AUTH; empty: ~/.netrc if it names the host, else none.
  long timeout_seconds = 30;  // For each server reply (connecting: at most 10 s).
};

class SmtpTransport : public MailTransport {
 public:
  explicit SmtpTransport(SmtpOptions options) : options_(std::move(options)) {}
  SendResult Send(const std::string& from, const std::vector<std::string>& recipients,
                  const std::string& message) override;

 private:
  SmtpOptions options_;
};

// "" when the URL can be used with the options, else why not (a scheme
// other than smtp/smtps, plain text to a host that is not loopback).
std::string CheckSmtpUrl(const SmtpOptions& options);

}  // namespace brief
