#include <arpa/inet.h>
#include <curl/curl.h>

#include <cstring>
#include <mutex>

#include <fmt/format.h>

#include "batch/interrupt.h"
#include "mail/transport.h"

namespace brief {

namespace {

struct Upload {
  const std::string* data;
  size_t pos = 0;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  Upload* up = static_cast<Upload*>(user);
  size_t n = std::min(size * count, up->data->size() - up->pos);
  std::memcpy(buffer, up->data->data() + up->pos, n);
  up->pos += n;
  return n;
}

// Keeps the server's last reply line (curl reports only its code).
int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) *static_cast<std::string*>(user) = line;
  return 0;
}

// Stops a transfer once SIGINT or SIGTERM arrived.
int OnProgress(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return InterruptSignal() ? 1 : 0;
}

// A loopback address written as such: "localhost", an IPv4 address in
// 127.0.0.0/8 or ::1 (not a name that merely starts with "127.").
bool IsLoopback(const std::string& host) {
  if (host == "localhost") return true;
  in_addr v4;
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6;
  std::string bare = host.size() > 2 && host.front() == '[' ? host.substr(1, host.size() - 2) : host;
  return inet_pton(AF_INET6, bare.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

}  // namespace

std::string CheckSmtpUrl(const SmtpOptions& options) {
  const std::string& url = options.url;
  bool smtps = url.rfind("smtps://", 0) == 0;
  if (!smtps && url.rfind("smtp://", 0) != 0) {
    return fmt::format("--smtp must be smtp://HOST[:PORT] or smtps://HOST[:PORT], not '{}'", url);
  }
  // libcurl's own parser: the host it will connect to, whatever the text
  // looks like ("smtp://localhost:x@192.0.2.2" goes to 192.0.2.2).
  CURLU* u = curl_url();
  std::string why;
  char* host = nullptr;
  char* user = nullptr;
  char* port = nullptr;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    why = fmt::format("--smtp '{}' is not a URL libcurl can use (a bad host or port?)", url);
  } else if (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK && user) {
    why = "--smtp: put no user or password in the URL (the command line is visible to others); set "
          "BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD, or use ~/.netrc";
  } else if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host || !*host) {
    why = fmt::format("--smtp '{}' names no host", url);
  } else if (options.insecure && !smtps && !IsLoopback(host)) {
    why = fmt::format("--insecure sends mail and passwords as plain text, so it is only for a "
                      "server on this machine (localhost, 127.0.0.1, ::1), not '{}'",
                      host);
  } else if (curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK && port) {
    long p = std::strtol(port, nullptr, 10);
    if (p < 1 || p > 65535) why = fmt::format("--smtp: port {} is not from 1 to 65535", port);
  }
  curl_free(host);
  curl_free(user);
  curl_free(port);
  curl_url_cleanup(u);
  return why;
}

SendResult SmtpTransport::Send(const std::string& from, const std::vector<std::string>& recipients,
                               const std::string& message) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  SendResult result;
  CURL* curl = curl_easy_init();
  if (!curl) {
    result.reply = "libcurl could not start";
    return result;
  }
  char error[CURL_ERROR_SIZE] = "";
  std::string last_reply;
  curl_slist* rcpt = nullptr;
  for (const std::string& r : recipients) rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
  Upload upload{&message};
  std::string mail_from = "<" + from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(options_.timeout_seconds, 10L));
  curl_easy_setopt(curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds * 5);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // Only to see replies (OnDebug): nothing is printed.
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, OnDebug);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &last_reply);
  // STARTTLS is required on smtp:// unless --insecure (loopback only).
  curl_easy_setopt(curl, CURLOPT_USE_SSL, options_.insecure ? CURLUSESSL_NONE : CURLUSESSL_ALL);
  if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (!options_.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
  } else {
    curl_easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
  }
  CURLcode code = curl_easy_perform(curl);
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  result.code = static_cast<int>(reply);
  if (code == CURLE_OK) {
    result.ok = true;
  } else if (code == CURLE_ABORTED_BY_CALLBACK) {
    result.reply = "interrupted";
    result.interrupted = true;
  } else {
    bool connection = code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT ||
                      code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING ||
                      code == CURLE_COULDNT_RESOLVE_HOST;
    result.login_denied = code == CURLE_LOGIN_DENIED || reply == 535 || reply == 530;
    result.connection = connection && reply < 400;
    // A dropped connection is temporary whatever was said before it (354
    // "send the message" included); a 5xx is the server's last word.
    result.temporary = (reply >= 400 && reply < 500) || (connection && reply < 500);
    // The server's own words when it said something, else libcurl's.
    bool server_said = reply >= 400 && !last_reply.empty();
    result.reply = server_said ? "the server said: " + last_reply : (*error ? error : curl_easy_strerror(code));
    if (reply == 530 || reply == 535) {
      result.reply += "; set BRIEF_SMTP_USER and BRIEF_SMTP_PASSWORD (or ~/.netrc) to the account's login";
    }
  }
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return result;
}

}  // namespace brief
