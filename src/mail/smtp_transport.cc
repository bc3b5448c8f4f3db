#include <curl/curl.h>

#include <cstring>
#include <mutex>

#include <fmt/format.h>

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

// The host part of smtp://host:port/...
std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return "";
  start += 3;
  if (start < url.size() && url[start] == '[') {
    size_t end = url.find(']', start);
    return end == std::string::npos ? "" : url.substr(start + 1, end - start - 1);
  }
  size_t end = url.find_first_of(":/", start);
  return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

std::string CheckSmtpUrl(const SmtpOptions& options) {
  const std::string& url = options.url;
  bool smtps = url.rfind("smtps://", 0) == 0;
  if (!smtps && url.rfind("smtp://", 0) != 0) {
    return fmt::format("--smtp must be smtp://HOST[:PORT] or smtps://HOST[:PORT], not '{}'", url);
  }
  if (HostOf(url).empty()) return fmt::format("--smtp '{}' names no host", url);
  if (options.insecure && !smtps && !IsLoopback(HostOf(url))) {
    return fmt::format("--insecure sends mail and passwords as plain text, so it is only for a "
                       "server on this machine (localhost, 127.0.0.1, ::1), not '{}'",
                       HostOf(url));
  }
  return "";
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
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
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
  } else {
    result.reply = *error ? error : curl_easy_strerror(code);
    bool connection = code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT ||
                      code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING;
    // A dropped connection is temporary whatever was said before it (354
    // "send the message" included); a 5xx is the server's last word.
    result.temporary = (reply >= 400 && reply < 500) || (connection && reply < 500);
    if (reply) result.reply = fmt::format("{} (SMTP {})", result.reply, reply);
  }
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return result;
}

}  // namespace brief
