#include "mail/message.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <mutex>

#include "base/sha256.h"
#include "base/utf8.h"

namespace brief {

namespace {

void InitGmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Owns one GObject reference.
template <typename T>
struct Ref {
  T* p;
  explicit Ref(T* object) : p(object) {}
  ~Ref() {
    if (p) g_object_unref(p);
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
};

void AddMailboxes(GMimeMessage* message, GMimeAddressType type, const std::vector<std::string>& list) {
  for (const std::string& m : list) {
    InternetAddressList* parsed = internet_address_list_parse(nullptr, m.c_str());
    if (!parsed) continue;
    // Names in UTF-8, never a legacy charset GMime would otherwise pick
    // (iso-8859-5 for Cyrillic).
    for (int i = 0; i < internet_address_list_length(parsed); ++i) {
      internet_address_set_charset(internet_address_list_get_address(parsed, i), "UTF-8");
    }
    internet_address_list_append(g_mime_message_get_addresses(message, type), parsed);
    g_object_unref(parsed);
  }
}

GMimeTextPart* TextPart(const char* subtype, const std::string& text) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  g_mime_text_part_set_text(part, text.c_str());  // Picks the charset (utf-8) and encoding.
  return part;
}

}  // namespace

std::string BuildMessage(const MailContent& c) {
  InitGmime();
  Ref<GMimeMessage> message(g_mime_message_new(TRUE));
  AddMailboxes(message.p, GMIME_ADDRESS_TYPE_FROM, {c.from});
  AddMailboxes(message.p, GMIME_ADDRESS_TYPE_TO, c.to);
  AddMailboxes(message.p, GMIME_ADDRESS_TYPE_CC, c.cc);
  if (c.unsent) AddMailboxes(message.p, GMIME_ADDRESS_TYPE_BCC, c.bcc);  // The draft's sender sends to them.
  g_mime_message_set_subject(message.p, c.subject.c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(c.date);
  g_mime_message_set_date(message.p, date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.p, c.message_id.c_str());
  if (c.unsent) g_mime_object_set_header(GMIME_OBJECT(message.p), "X-Unsent", "1", nullptr);

  // Boundaries from the content: reproducible, and never found in it
  // (base64 and quoted-printable bodies cannot hold "=_").
  std::string seed = Sha256Hex(c.subject + c.text + c.html + c.attachment_name + c.pdf).substr(0, 24);
  Ref<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
  g_mime_multipart_set_boundary(mixed.p, ("=_brief_mixed_" + seed).c_str());
  Ref<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  g_mime_multipart_set_boundary(alternative.p, ("=_brief_alt_" + seed).c_str());
  Ref<GMimeTextPart> text(TextPart("plain", c.text));
  Ref<GMimeTextPart> html(TextPart("html", c.html));
  g_mime_multipart_add(alternative.p, GMIME_OBJECT(text.p));
  g_mime_multipart_add(alternative.p, GMIME_OBJECT(html.p));
  g_mime_multipart_add(mixed.p, GMIME_OBJECT(alternative.p));

  Ref<GMimePart> pdf(g_mime_part_new_with_type("application", "pdf"));
  g_mime_part_set_filename(pdf.p, c.attachment_name.c_str());  // Also the Content-Type name.
  // Encoded (RFC 2231) in UTF-8, not windows-1251 or another charset GMime
  // finds would do.
  GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(GMIME_OBJECT(pdf.p));
  GMimeParam* filename = g_mime_param_list_get_parameter(
      g_mime_content_disposition_get_parameters(disposition), "filename");
  if (filename) g_mime_param_set_charset(filename, "UTF-8");
  GMimeParam* name = g_mime_param_list_get_parameter(
      g_mime_content_type_get_parameters(g_mime_object_get_content_type(GMIME_OBJECT(pdf.p))), "name");
  // GMime folds a long value into RFC 2231 continuations, which may split
  // a UTF-8 character between two of them: allowed (the bytes are joined
  // before decoding), and read right by mail clients and Python's email.
  if (name) g_mime_param_set_charset(name, "UTF-8");
  g_mime_object_set_disposition(GMIME_OBJECT(pdf.p), GMIME_DISPOSITION_ATTACHMENT);
  g_mime_part_set_content_encoding(pdf.p, GMIME_CONTENT_ENCODING_BASE64);
  Ref<GMimeStream> bytes(g_mime_stream_mem_new_with_buffer(c.pdf.data(), c.pdf.size()));
  Ref<GMimeDataWrapper> wrapper(g_mime_data_wrapper_new_with_stream(bytes.p, GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(pdf.p, wrapper.p);
  g_mime_multipart_add(mixed.p, GMIME_OBJECT(pdf.p));
  g_mime_message_set_mime_part(message.p, GMIME_OBJECT(mixed.p));
  // Every part 7-bit safe (quoted-printable, base64): any relay takes it.
  g_mime_object_encode(GMIME_OBJECT(message.p), GMIME_ENCODING_CONSTRAINT_7BIT);

  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_format_options_set_param_encoding_method(options, GMIME_PARAM_ENCODING_METHOD_RFC2231);
  Ref<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(GMIME_OBJECT(message.p), options, out.p);
  g_mime_format_options_free(options);
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.p));
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

std::string AddressOf(const std::string& mailbox, std::string* error) {
  std::string addr = mailbox;
  size_t open = mailbox.rfind('<');
  if (std::count(mailbox.begin(), mailbox.end(), '<') > 1 || std::count(mailbox.begin(), mailbox.end(), '>') > 1) {
    *error = "'" + mailbox + "' holds more than one address; give each with its own option or list item";
    return "";
  }
  if (open != std::string::npos) {
    size_t close = mailbox.find('>', open);
    if (close == std::string::npos || close + 1 != mailbox.size()) {
      *error = "'" + mailbox + "' has a '<' without its '>' at the end";
      return "";
    }
    addr = mailbox.substr(open + 1, close - open - 1);
  }
  size_t at = addr.rfind('@');
  if (addr.find('@') != at) {
    *error = "'" + mailbox + "' has more than one '@'";
    return "";
  }
  if (addr.empty() || at == std::string::npos || at == 0 || at + 1 == addr.size()) {
    *error = "'" + mailbox + "' is not an e-mail address (local@domain)";
    return "";
  }
  for (unsigned char ch : addr) {
    if (ch <= ' ' || ch == 0x7F || ch == '<' || ch == '>' || ch == ',' || ch == ';' || ch == '"') {
      *error = "'" + mailbox + "' has a space or a character an address cannot hold";
      return "";
    }
  }
  std::string domain = addr.substr(at + 1);
  bool literal = domain.front() == '[' && domain.back() == ']';
  if (!literal && (domain.find('.') == std::string::npos || domain.front() == '.' ||
                   domain.back() == '.' || domain.find("..") != std::string::npos)) {
    *error = "'" + mailbox + "': the domain '" + domain + "' is not a dotted name such as example.com";
    return "";
  }
  for (unsigned char ch : addr) {
    if (ch >= 0x80) {
      *error = "'" + mailbox + "': the address has characters beyond ASCII; write an international "
               "domain in its xn-- form (servers without SMTPUTF8 refuse the rest)";
      return "";
    }
  }
  return addr;
}

}  // namespace brief
