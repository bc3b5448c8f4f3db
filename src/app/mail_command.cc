// brief mail: each brief rendered (as `render` does, up-to-date PDFs
// reused) and put in an e-mail: written as .eml, sent by SMTP, or shown.
#include <algorithm>
#include <chrono>
#include <optional>
#include <set>
#include <ctime>
#include <ostream>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/inputs.h"
#include "base/sha256.h"
#include "batch/manifest.h"
#include "base/edit_distance.h"
#include "mail/delivery.h"
#include "mail/message.h"
#include "mail/recipients.h"
#include "mail/sent_log.h"
#include "mail/transport.h"
#include "output/atomic_write.h"

namespace brief {

namespace {

std::string HtmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// A file name from a company name: no path separators or control characters.
std::string SafeFileName(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out.push_back(c < 0x20 || c == 0x7F || c == '/' || c == '\\' ? '_' : static_cast<char>(c));
  return out;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The message for one brief.
MailContent Compose(const Job& job, const Brief& b, const std::string& pdf, long long date,
                    const std::vector<std::string>& to, const std::vector<std::string>& cc) {
  const Company& c = b.company;
  std::string as_of = FormatHuman(b.as_of);
  std::string line = fmt::format("{}, {} · founded {}", c.industry, c.headquarters, c.founded);
  MailContent m;
  m.from = job.mail_from;
  m.to = to;
  m.cc = cc;
  m.subject = job.mail_subject.empty()
                  ? fmt::format("Company brief: {} (as of {})", c.name, as_of)
                  : Replace(Replace(job.mail_subject, "{name}", c.name), "{as_of}", as_of);
  std::string title = c.name + (c.native_name.empty() ? "" : " (" + c.native_name + ")");
  m.text = fmt::format("{}\n{}\nFacts as of {}\n\n{}\n\nThe one-page brief is attached as a PDF.\n", title,
                       line, as_of, c.summary);
  m.html = fmt::format(
      "<!DOCTYPE html>\n<html><body>\n<h1>{}</h1>\n<p>{}<br>Facts as of {}</p>\n<p>{}</p>\n"
      "<p>The one-page brief is attached as a PDF.</p>\n</body></html>\n",
      HtmlEscape(title), HtmlEscape(line), HtmlEscape(as_of), HtmlEscape(c.summary));
  m.attachment_name = SafeFileName(c.name) + " — company brief.pdf";
  m.pdf = pdf;
  m.date = date;
  return m;
}

}  // namespace

int RunMailCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  // Addresses first: a typo must not cost a whole render.
  std::string error;
  std::string from = AddressOf(job.mail_from, &error);
  if (from.empty()) {
    err << "brief: error: mail: --from " << error << "\n";
    return kExitUsage;
  }
  for (const auto* list : {&job.mail_to, &job.mail_cc, &job.mail_bcc}) {
    for (const std::string& m : *list) {
      if (AddressOf(m, &error).empty()) {
        err << "brief: error: mail: " << error << "\n";
        return kExitUsage;
      }
    }
  }
  std::optional<Recipients> recipients;
  if (!job.recipients_file.empty()) {
    std::vector<Diagnostic> problems;
    recipients = LoadRecipients(fs, job.recipients_file, &problems);
    for (const Diagnostic& d : problems) err << DiagnosticText(d, job.color) << "\n";
    if (!recipients) return kExitUsage;
  }
  SmtpOptions smtp{job.smtp_url, job.insecure, job.ca_file, "", "", 60};
  if (!job.smtp_url.empty()) {
    std::string why = CheckSmtpUrl(smtp);
    if (!why.empty()) {
      err << "brief: error: mail: " << why << "\n";
      return kExitUsage;
    }
    // Credentials from the environment (or ~/.netrc), never the command line.
    if (const char* user = std::getenv("BRIEF_SMTP_USER"); user && *user) smtp.user = user;
    if (const char* password = std::getenv("BRIEF_SMTP_PASSWORD"); password) smtp.password = password;
  }

  // The PDFs, as `render` makes them (and keeps them up to date).
  Job render = job;
  render.command = "render";
  render.junit_file.clear();
  int rendered = RunRenderCommand(render, fs, out, err);
  if (rendered == kExitUsage || rendered > 100) return rendered;

  std::string text, manifest_error;
  Manifest manifest;
  if (!fs.Read(JoinPath(job.output_dir, kManifestName), size_t{1} << 30, &text, &manifest_error) ||
      !ParseManifest(text, &manifest, &manifest_error)) {
    err << "brief: error: mail: cannot read the manifest render wrote: " << manifest_error << "\n";
    return kExitInvalid;
  }
  std::map<std::string, const ManifestEntry*> entries;
  for (const ManifestEntry& e : manifest.briefs) entries[e.output] = &e;

  std::vector<Diagnostic> problems;
  std::vector<InputFile> inputs = ExpandInputs(fs, job.inputs, job.recursive, &problems);
  long long date = job.source_date_epoch >= 0 ? job.source_date_epoch : static_cast<long long>(std::time(nullptr));
  std::string domain = from.substr(from.rfind('@') + 1);
  SentLog log(JoinPath(job.output_dir, "sent.jsonl"));
  SmtpTransport transport(smtp);
  int sent = 0, skipped = 0, written = 0, failed = static_cast<int>(problems.size());
  std::vector<std::string> failures;
  std::mt19937_64 random(std::random_device{}());
  std::set<const RecipientRule*> used;
  std::vector<std::string> names;
  for (const InputFile& in : inputs) {
    std::string output = OutputName(in);
    std::string name = output.substr(0, output.size() - 4);
    names.push_back(name);
    // Who gets this one: the command line's addresses and every matching entry's.
    std::vector<std::string> to = job.mail_to, cc = job.mail_cc, bcc = job.mail_bcc;
    if (recipients) {
      for (const RecipientRule* rule : recipients->For(name)) {
        used.insert(rule);
        to.insert(to.end(), rule->to.begin(), rule->to.end());
        cc.insert(cc.end(), rule->cc.begin(), rule->cc.end());
        bcc.insert(bcc.end(), rule->bcc.begin(), rule->bcc.end());
      }
    }
    if (to.empty()) {
      err << fmt::format("{}: error: no one to send it to: no entry of {} matches '{}', and no --to was given\n",
                         in.path, job.recipients_file, name);
      ++failed;
      failures.push_back(in.path + " (no recipients)");
      continue;
    }
    std::vector<std::string> envelope;
    for (const auto* list : {&to, &cc, &bcc}) {
      for (const std::string& m : *list) {
        std::string addr = AddressOf(m, &error);
        if (std::find(envelope.begin(), envelope.end(), addr) == envelope.end()) envelope.push_back(addr);
      }
    }
    auto it = entries.find(output);
    if (it == entries.end() || it->second->sha256.empty() ||
        (it->second->status != BriefStatus::kRendered && it->second->status != BriefStatus::kUpToDate)) {
      ++failed;
      failures.push_back(in.path + " (not rendered)");
      continue;
    }
    const ManifestEntry& entry = *it->second;
    std::string pdf_path = JoinPath(job.output_dir, output), pdf, read_error;
    BriefCheck check = CheckBriefFile(fs, in.path, job.strict);
    if (!check.brief || !fs.Read(pdf_path, size_t{1} << 30, &pdf, &read_error)) {
      ++failed;
      failures.push_back(in.path + " (its PDF or brief could not be read again)");
      continue;
    }
    MailContent content = Compose(job, *check.brief, pdf, date, to, cc);
    // Unique per message; reproducible under SOURCE_DATE_EPOCH (for tests).
    std::string nonce = job.source_date_epoch >= 0 ? "" : std::to_string(random());
    content.message_id = Sha256Hex(entry.sha256 + content.subject + std::to_string(date) + nonce +
                                   fmt::format("{}", fmt::join(envelope, ","))).substr(0, 32) + "@" + domain;
    content.unsent = !job.eml_dir.empty();
    std::string message = BuildMessage(content);
    if (static_cast<double>(message.size()) > job.max_size_mb * 1024 * 1024) {
      err << fmt::format("{}: warning: the message is {:.1f} MB, over the {} MB many providers accept\n",
                         in.path, static_cast<double>(message.size()) / (1024 * 1024), job.max_size_mb);
    }
    if (job.dry_run) {
      out << fmt::format("{}: from {} to {}{}{}: \"{}\", attachment \"{}\" ({} bytes), message {} bytes\n",
                         in.path, from, fmt::join(to, ", "),
                         cc.empty() ? "" : fmt::format(", cc {}", fmt::join(cc, ", ")),
                         bcc.empty() ? "" : fmt::format(", bcc {}", fmt::join(bcc, ", ")),
                         content.subject, content.attachment_name, pdf.size(), message.size());
      continue;
    }
    if (!job.eml_dir.empty()) {
      std::string path = JoinPath(job.eml_dir, output.substr(0, output.size() - 4) + ".eml");
      if (!EnsureDirectory(DirName(path), &error) || !WriteFileAtomically(path, message, &error)) {
        ++failed;
        failures.push_back(in.path + " (" + error + ")");
        continue;
      }
      ++written;
      continue;
    }
    if (!job.resend && log.WasSent(output, envelope, entry.sha256)) {
      ++skipped;
      continue;
    }
    int attempts = 0;
    SendResult result = SendWithRetries(
        transport, from, envelope, message, job.retries,
        [](int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }, &attempts);
    if (!result.ok) {
      err << fmt::format("{}: error: not sent: {}\n", in.path, result.reply);
      ++failed;
      failures.push_back(in.path + " (" + result.reply + ")");
      continue;
    }
    ++sent;
    if (!log.Add({output, envelope, entry.sha256, content.message_id, date}, &error)) {
      err << "brief: warning: " << error << "; the next run may send it again\n";
    }
  }
  // An entry that matched no brief is most likely a typo.
  if (recipients) {
    for (const RecipientRule& rule : recipients->rules) {
      if (used.count(&rule)) continue;
      std::string guess = NearestMatch(rule.pattern, names);
      err << fmt::format("{}:{}:{}: warning: {}: matches none of the briefs{}\n", recipients->file, rule.line,
                         rule.column, rule.pattern, guess.empty() ? "" : " (did you mean '" + guess + "'?)");
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!job.quiet && !job.dry_run) {
    if (!job.eml_dir.empty()) {
      err << fmt::format("mail: wrote {} to {}, failed {} in {:.2f} s\n", Plural(written, "message"),
                         job.eml_dir, failed, seconds);
    } else {
      err << fmt::format("mail: sent {}, already sent {}, failed {} in {:.2f} s\n", sent, skipped, failed, seconds);
    }
    for (const std::string& f : failures) err << "  not sent: " << f << "\n";
  }
  return failed || rendered != kExitOk ? kExitInvalid : kExitOk;
}

}  // namespace brief
