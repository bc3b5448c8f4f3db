#include "app/render_one.h"

#include <chrono>
#include <cstring>

#include "app/command_support.h"
#include "base/sha256.h"
#include "output/atomic_write.h"
#include "validate/check_brief.h"

namespace brief {

namespace {

// Length-prefixed fields, in a fixed order.
class Writer {
 public:
  void Put(const std::string& s) {
    uint64_t n = s.size();
    out_.append(reinterpret_cast<const char*>(&n), sizeof n);
    out_ += s;
  }
  void Put(long long v) { Put(std::to_string(v)); }
  std::string out_;
};

class Reader {
 public:
  explicit Reader(const std::string& in) : in_(in) {}
  bool Get(std::string* s) {
    uint64_t n = 0;
    if (in_.size() - pos_ < sizeof n) return false;
    std::memcpy(&n, in_.data() + pos_, sizeof n);
    pos_ += sizeof n;
    if (in_.size() - pos_ < n) return false;
    *s = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool Get(long long* v) {
    std::string s;
    if (!Get(&s)) return false;
    char* end = nullptr;
    *v = std::strtoll(s.c_str(), &end, 10);
    return !s.empty() && *end == '\0';
  }
  bool Get(int* v) {
    long long x = 0;
    if (!Get(&x)) return false;
    *v = static_cast<int>(x);
    return true;
  }
  std::string Rest() const { return in_.substr(pos_); }

 private:
  const std::string& in_;
  size_t pos_ = 0;
};

}  // namespace

void RenderOne(const Job& job, const FileSystem& fs, const BriefRenderer& renderer, RenderItem* item,
               const std::function<void()>& before_rename) {
  auto start = std::chrono::steady_clock::now();
  auto finish = [&] {
    item->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  BriefCheck check = CheckBriefFile(fs, item->file, job.strict);
  item->dependencies = {{item->file, Sha256Hex(check.source)}};
  if (!check.brief) {
    item->diagnostics = std::move(check.diagnostics);
    return finish();
  }
  ApplyJobToBrief(job, &*check.brief);
  std::string logo_path = check.brief->company.logo_path;
  RenderOutcome outcome = renderer.Render(*check.brief, item->file, job.source_date_epoch);
  AddFindings(job.strict, std::move(outcome.diagnostics), &check);
  item->diagnostics = std::move(check.diagnostics);
  if (!outcome.ok || !check.brief) return finish();
  if (!logo_path.empty()) item->dependencies.push_back({logo_path, outcome.logo_sha256});
  item->font_files = std::move(outcome.font_files);
  item->sha256 = Sha256Hex(outcome.pdf);
  item->bytes = static_cast<long long>(outcome.pdf.size());
  std::string error;
  item->ok = EnsureDirectory(DirName(item->output), &error) &&
             WriteFileAtomically(item->output, outcome.pdf, &error, before_rename);
  if (!item->ok) item->diagnostics.push_back({Severity::kError, item->file, 0, 0, "", error, ""});
  finish();
}

std::string SerializeOutcome(const RenderItem& item) {
  Writer w;
  w.Put(item.ok ? 1 : 0);
  w.Put(item.sha256);
  w.Put(item.bytes);
  w.Put(static_cast<long long>(item.seconds * 1e6));
  w.Put(static_cast<long long>(item.dependencies.size()));
  for (const Dependency& d : item.dependencies) {
    w.Put(d.file);
    w.Put(d.sha256);
  }
  w.Put(static_cast<long long>(item.font_files.size()));
  for (const std::string& f : item.font_files) w.Put(f);
  w.Put(static_cast<long long>(item.diagnostics.size()));
  for (const Diagnostic& d : item.diagnostics) {
    w.Put(d.severity == Severity::kError ? 1 : 0);
    w.Put(d.file);
    w.Put(d.line);
    w.Put(d.column);
    w.Put(d.path);
    w.Put(d.message);
    w.Put(d.hint);
    w.Put(d.length);
  }
  return w.out_;
}

bool DeserializeOutcome(const std::string& bytes, RenderItem* item, std::string* rest) {
  Reader r(bytes);
  long long ok = 0, micros = 0, count = 0;
  if (!r.Get(&ok) || !r.Get(&item->sha256) || !r.Get(&item->bytes) || !r.Get(&micros)) return false;
  item->ok = ok == 1;
  item->seconds = static_cast<double>(micros) / 1e6;
  if (!r.Get(&count)) return false;
  item->dependencies.clear();
  for (long long i = 0; i < count; ++i) {
    Dependency d;
    if (!r.Get(&d.file) || !r.Get(&d.sha256)) return false;
    item->dependencies.push_back(std::move(d));
  }
  if (!r.Get(&count)) return false;
  item->font_files.clear();
  for (long long i = 0; i < count; ++i) {
    std::string f;
    if (!r.Get(&f)) return false;
    item->font_files.push_back(std::move(f));
  }
  if (!r.Get(&count)) return false;
  item->diagnostics.clear();
  for (long long i = 0; i < count; ++i) {
    Diagnostic d;
    long long error = 0;
    if (!r.Get(&error) || !r.Get(&d.file) || !r.Get(&d.line) || !r.Get(&d.column) ||
        !r.Get(&d.path) || !r.Get(&d.message) || !r.Get(&d.hint) || !r.Get(&d.length)) {
      return false;
    }
    d.severity = error ? Severity::kError : Severity::kWarning;
    item->diagnostics.push_back(std::move(d));
  }
  if (rest) *rest = r.Rest();
  return true;
}

}  // namespace brief
