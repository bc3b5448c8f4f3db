// One e-mail with a brief attached, built by GMime 3 as RFC 5322 / MIME
// text: multipart/mixed holding a multipart/alternative body (text/plain
// and text/html) and the PDF as an application/pdf attachment.
#pragma once

#include <string>
#include <vector>

namespace brief {

struct MailContent {
  std::string from;                  // "Name <a@b>" or "a@b".
  std::vector<std::string> to, cc;   // May be empty (a message to Bcc only).
  std::vector<std::string> bcc;      // A header only in drafts (unsent); sent, it is envelope only.
  std::string subject;               // UTF-8; encoded by RFC 2047 when not ASCII.
  std::string text, html;            // The two forms of the body, UTF-8.
  std::string attachment_name;       // UTF-8; encoded by RFC 2231 when not ASCII.
  std::string pdf;                   // The attachment's bytes.
  long long date = 0;                // Seconds since 1970 (UTC).
  std::string message_id;            // Without angle brackets, "id@domain".
  bool unsent = false;               // X-Unsent: 1 (Outlook opens the file as a draft).
};

// The message as bytes, lines ending in CRLF. Boundaries are derived from
// the content, so the same content gives the same bytes.
std::string BuildMessage(const MailContent& content);

// The address part ("a@b") of "Name <a@b>" or "a@b", checked for the
// syntax mail servers take: ASCII (an international domain in its xn--
// form), one '@', a dotted domain or an address literal, no spaces or
// control characters, one <...>; "" with *error otherwise.
std::string AddressOf(const std::string& mailbox, std::string* error);

}  // namespace brief
