#include "mail/message.h"

#include <doctest/doctest.h>

namespace brief {

TEST_CASE("mail: a message with a Cyrillic subject and attachment name, built the same twice") {
  MailContent c;
  c.from = "Briefs <briefs@example.com>";
  c.to = {"Анна <anna@example.ru>"};
  c.cc = {"ops@example.com"};
  c.subject = "Company brief: Автотор (as of 1 January 2024)";
  c.text = "Автотор\nAutomotive manufacturing\n";
  c.html = "<p>Автотор</p>";
  c.attachment_name = "Автотор — company brief.pdf";
  c.pdf = std::string("%PDF-1.4\n\x01\x02\xff binary", 19);
  c.date = 1704067200;
  c.message_id = "abc123@example.com";
  c.unsent = true;
  std::string eml = BuildMessage(c);
  CHECK(eml == BuildMessage(c));
  CHECK(eml.find("\r\n\r\n") != std::string::npos);
  CHECK(eml.find("Subject: Company brief: =?UTF-8?") != std::string::npos);  // RFC 2047
  CHECK(eml.find("filename*0*=UTF-8''") != std::string::npos);              // RFC 2231
  for (unsigned char ch : eml) CHECK(ch < 0x80);                              // 7-bit clean
  CHECK(eml.find("Message-Id: <abc123@example.com>") != std::string::npos);
  CHECK(eml.find("Date: Mon, 01 Jan 2024 00:00:00 +0000") != std::string::npos);
  CHECK(eml.find("X-Unsent: 1") != std::string::npos);
  CHECK(eml.find("Content-Type: multipart/alternative") != std::string::npos);
  CHECK(eml.find("Content-Type: application/pdf") != std::string::npos);
  CHECK(eml.find("Bcc") == std::string::npos);
  for (size_t at = 0; (at = eml.find('\n', at)) != std::string::npos; ++at) {
    REQUIRE(at > 0);
    CHECK(eml[at - 1] == '\r');
  }
}

TEST_CASE("mail: addresses are checked") {
  std::string error;
  CHECK(AddressOf("Anna Petrova <anna@example.ru>", &error) == "anna@example.ru");
  CHECK(AddressOf("ops@example.com", &error) == "ops@example.com");
  CHECK(AddressOf("ops@localhost", &error).empty());
  CHECK(error == "'ops@localhost': the domain 'localhost' is not a dotted name such as example.com");
  CHECK(AddressOf("no at sign", &error).empty());
  CHECK(AddressOf("Anna <anna@example.ru", &error).empty());
  CHECK(AddressOf("a b@example.com", &error).empty());
  CHECK(AddressOf("root@[127.0.0.1]", &error) == "root@[127.0.0.1]");
}

}  // namespace brief
