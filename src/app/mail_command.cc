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
#include "batch/interrupt.h"
#include "batch/junit.h"
#include "mail/delivery.h"
#include "mail/message.h"
#include "mail/recipients.h"
#include "mail/sent_log.h"
#include "mail/transport.h"
#include "output/atomic_write.h"
#include "output/folder_lock.h"

namespace brief {

namespace {

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
                    const std::vector<std::string>& to, const std::vector<std::string>& cc,
                    const std::vector<std::string>& bcc) {
  const Company& c = b.company;
  std::string as_of = FormatHuman(b.as_of);
  std::string line = fmt::format("{}, {} · founded {}", c.industry, c.headquarters, c.founded);
  MailContent m;
  m.from = job.mail_from;
  m.to = to;
  m.cc = cc;
  m.bcc = bcc;
  m.subject = job.mail_subject.empty()
                  ? fmt::format("Company brief: {} (as of {})", c.name, as_of)
                  : Replace(Replace(job.mail_subject, "{name}", c.name), "{as_of}", as_of);
  std::string title = c.name + (c.native_name.empty() ? "" : " (" + c.native_name + ")");
  m.text = fmt::format("{}\n{}\nFacts as of {}\n\n{}\n\nThe one-page brief is attached as a PDF.\n", title,
                       line, as_of, c.summary);
  m.html = fmt::format(
      "<!DOCTYPE html>\n<html><body>\n<h1>{}</h1>\n<p>{}<br>Facts as of {}</p>\n<p>{}</p>\n"
      "<p>The one-page brief is attached as a PDF.</p>\n</body></html>\n",
      XmlEscape(title, false), XmlEscape(line, false), XmlEscape(as_of, false),
      XmlEscape(c.summary, false));
  m.attachment_name = SafeFileName(c.name) + " — company brief.pdf";
  m.pdf = pdf;
  m.date = date;
  return m;
}

// The mailboxes without a second one for the same address (compared
// without regard to case), first kept.
std::vector<std::string> Unique(const std::vector<std::string>& mailboxes, std::set<std::string>* seen) {
  std::vector<std::string> out;
  for (const std::string& m : mailboxes) {
    std::string error, addr = AddressOf(m, &error);
    std::transform(addr.begin(), addr.end(), addr.begin(), [](unsigned char c) { return std::tolower(c); });
    if (seen->insert(addr).second) out.push_back(m);
  }
  return out;
}

// Sleeps, waking early for SIGINT or SIGTERM.
void Pause(int ms) {
  for (int waited = 0; waited < ms && !InterruptSignal(); waited += 50) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
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
    PrintDiagnostics(job, fs, problems, err, err);
    if (!recipients) return kExitUsage;
  }
  if (job.mail_subject.find_first_of("\r\n") != std::string::npos) {
    err << "brief: error: mail: --subject must be one line\n";
    return kExitUsage;
  }
  if (!job.ca_file.empty() && fs.Kind(job.ca_file) != PathKind::kFile) {
    err << "brief: error: mail: --cacert " << job.ca_file << ": no such file\n";
    return kExitUsage;
  }
  SmtpOptions smtp{job.smtp_url, job.insecure, job.ca_file, "", "", job.smtp_timeout};
  if (!job.smtp_url.empty()) {
    std::string why = CheckSmtpUrl(smtp);
    if (!why.empty()) {
      err << "brief: error: mail: " << why << "\n";
      return kExitUsage;
    }
    // Credentials from the environment (or ~/.netrc), never the command line.
    if (const char* user = std::getenv("BRIEF_SMTP_USER"); user && *user) smtp.user = user;
    if (const char* password = std::getenv("BRIEF_SMTP_PASSWORD"); password) smtp.password = password;
    if (smtp.user.empty() && !smtp.password.empty()) {
      err << "brief: error: mail: BRIEF_SMTP_PASSWORD is set but BRIEF_SMTP_USER is not\n";
      return kExitUsage;
    }
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

  // One run at a time sends from OUT: two would both read the sent log
  // before either wrote it, and send everything twice.
  FolderLock lock(job.output_dir, [&] {
    err << "brief: waiting for another run that writes to " << job.output_dir << "\n";
  });
  InterruptGuard guard;
  if (!lock.locked()) {
    err << "brief: error: " << lock.error() << "\n";
    return InterruptSignal() ? InterruptExitCode(InterruptSignal()) : kExitInvalid;
  }
  std::vector<Diagnostic> problems;
  std::vector<InputFile> inputs = ExpandInputs(fs, job.inputs, job.recursive, &problems);
  long long date = job.source_date_epoch >= 0 ? job.source_date_epoch : static_cast<long long>(std::time(nullptr));
  std::string domain = from.substr(from.rfind('@') + 1);
  SentLog log(JoinPath(job.output_dir, "sent.jsonl"));
  if (log.unreadable()) {
    err << fmt::format("brief: warning: {} of {} are not records (a torn or edited line); a message "
                       "they stood for may be sent again\n",
                       Plural(log.unreadable(), "line"), JoinPath(job.output_dir, "sent.jsonl"));
  }
  if (!job.smtp_url.empty() && !log.Writable(&error)) {
    err << "brief: error: mail: " << error << "; nothing was sent (it could not be recorded, and a "
        << "re-run would send it again)\n";
    return kExitInvalid;
  }
  SmtpTransport transport(smtp);
  int connection_failures = 0;       // In a row.
  std::string stop_reason;           // Set when the rest of the batch is not tried.
  int sent = 0, skipped = 0, written = 0, failed = static_cast<int>(problems.size());
  std::vector<std::string> failures;
  std::mt19937_64 random(std::random_device{}());
  std::set<const RecipientRule*> used;
  std::vector<std::string> names;
  for (const Diagnostic& d : problems) failures.push_back(d.file + " (" + d.message + ")");
  for (const InputFile& in : inputs) {
    std::string output = OutputName(in);
    std::string name = output.substr(0, output.size() - 4);
    if (InterruptSignal() || !stop_reason.empty()) {
      ++failed;
      failures.push_back(in.path + " (" + (InterruptSignal() ? "interrupted" : stop_reason) + ")");
      continue;
    }
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
    std::set<std::string> seen;
    to = Unique(to, &seen);
    cc = Unique(cc, &seen);
    bcc = Unique(bcc, &seen);
    if (to.empty() && cc.empty() && bcc.empty()) {
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
    MailContent content = Compose(job, *check.brief, pdf, date, to, cc, bcc);
    // Unique per message; reproducible under SOURCE_DATE_EPOCH (for tests).
    // Reproducible only for drafts: a sent message's id must never repeat
    // (a server drops an id it has seen), SOURCE_DATE_EPOCH or not.
    std::string nonce = job.source_date_epoch >= 0 && !job.eml_dir.empty() ? "" : std::to_string(random());
    content.message_id = Sha256Hex(entry.sha256 + content.subject + std::to_string(date) + nonce +
                                   fmt::format("{}", fmt::join(envelope, ","))).substr(0, 32) + "@" + domain;
    content.unsent = !job.eml_dir.empty();
    std::string message = BuildMessage(content);
    if (static_cast<double>(message.size()) > job.max_size_mb * 1024 * 1024) {
      err << fmt::format("{}: warning: the message is {:.2f} MB, over the {} MB many providers accept\n",
                         in.path, static_cast<double>(message.size()) / (1024 * 1024), job.max_size_mb);
    }
    bool already = !job.resend && log.WasSent(output, envelope, entry.sha256);
    if (job.dry_run) {
      out << fmt::format("{}: {}from {} to {}{}{}: \"{}\", attachment \"{}\" ({} bytes), message {} bytes\n",
                         in.path, already ? "(sent before; --smtp would not send it again) " : "",
                         from, fmt::join(to, ", "),
                         cc.empty() ? "" : fmt::format(", cc {}", fmt::join(cc, ", ")),
                         bcc.empty() ? "" : fmt::format(", bcc {}", fmt::join(bcc, ", ")),
                         content.subject, content.attachment_name, pdf.size(), message.size());
      continue;
    }
    if (!job.eml_dir.empty()) {
      std::string path = JoinPath(job.eml_dir, output.substr(0, output.size() - 4) + ".eml");
      if (!EnsureDirectory(DirName(path), &error) || !WriteFileAtomically(path, message, &error)) {
        ++failed;
        failures.push_back(in.path + " (not written: " + error + ")");
        continue;
      }
      ++written;
      continue;
    }
    if (already) {
      ++skipped;
      continue;
    }
    int attempts = 0;
    SendResult result = SendWithRetries(transport, from, envelope, message, job.retries, Pause, &attempts);
    if (!result.ok) {
      err << fmt::format("{}: error: not sent: {}\n", in.path, result.reply);
      ++failed;
      failures.push_back(in.path + " (" + result.reply + ")");
      // No use trying the others with credentials the server refused (it
      // may lock the account), or against a server that is not there.
      connection_failures = result.connection ? connection_failures + 1 : 0;
      if (result.login_denied) stop_reason = "not tried: the server refused the login";
      if (connection_failures >= 3) stop_reason = "not tried: three briefs in a row found no server to talk to";
      continue;
    }
    connection_failures = 0;
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
    for (const std::string& f : failures) err << "  failed: " << f << "\n";
  }
  if (InterruptSignal()) return InterruptExitCode(InterruptSignal());
  return failed || rendered != kExitOk ? kExitInvalid : kExitOk;
}

}  // namespace brief
