// brief watch PATH... -o OUT: render, then render again whenever a brief,
// a logo beside it, the template or a font in its fonts folder changes
// (inotify), once the files have been quiet for --debounce ms; diagnostics
// each time. Rendering is `brief render` itself (in a child process per
// run), so only what changed is rendered again.
#include <poll.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <functional>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "app/commands.h"
#include "app/inputs.h"
#include "batch/interrupt.h"

namespace brief {

namespace {

// The folders to watch: each input's folder (a file) or itself (a folder,
// and with -r its sub-folders), the template's, and the fonts folder
// beside it. Editors save by writing a new file and renaming it over the
// old one, so folders are watched, not files.
std::set<std::string> FoldersToWatch(const Job& job, const FileSystem& fs, const std::string& template_file,
                                     const std::string& fonts_dir) {
  std::set<std::string> folders;
  for (const std::string& input : job.inputs) {
    if (fs.Kind(input) == PathKind::kDirectory) {
      folders.insert(input);
    } else {
      folders.insert(DirName(input));
    }
  }
  if (job.recursive) {
    std::vector<Diagnostic> ignored;
    for (const InputFile& f : ExpandInputs(fs, job.inputs, true, &ignored)) folders.insert(DirName(f.path));
  }
  if (!template_file.empty()) folders.insert(DirName(template_file));
  if (!fonts_dir.empty() && fs.Kind(fonts_dir) == PathKind::kDirectory) folders.insert(fonts_dir);
  return folders;
}

// True for a name whose change can change a PDF: a brief, a logo, the
// template, a font (never the PDFs and manifest the render writes). A font
// changed in place or replaced is read again (FontFace is keyed by the
// file's stamp) and, its hash being in the manifest, renders the briefs
// again.
bool Matters(const std::string& name, const std::string& template_name) {
  for (const char* ext : {".yaml", ".yml", ".png", ".jpg", ".jpeg", ".ttf", ".ttc", ".otf", ".otc"}) {
    if (name.ends_with(ext)) return true;
  }
  return name == template_name;
}

// One render run in a child process: a fatal signal while reading a font,
// the template or a brief that changes under the run (a font rewritten in
// place faults its mapping with SIGBUS, in fontconfig's scan of the fonts
// folder too) costs that run, not the watch. Returns its exit status.
int RenderCycle(const Job& render, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  out.flush();
  err.flush();
  pid_t pid = fork();
  if (pid < 0) return RunRenderCommand(render, fs, out, err);
  if (pid == 0) {
    const char* crash_test = std::getenv("BRIEF_TEST_CRASH");  // Tests only.
    if (crash_test && std::string_view(crash_test) == "watch") std::abort();
    int status = RunRenderCommand(render, fs, out, err);
    out.flush();
    err.flush();
    _exit(status);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return kExitInvalid;
    if (int signal = InterruptSignal()) kill(pid, signal);  // Stop it too, if only we were told.
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  int signal = WTERMSIG(status);
  if (InterruptSignal()) return InterruptExitCode(InterruptSignal());
  err << fmt::format("brief: error: watch: rendering stopped with signal {} ({}); a file it read may have "
                     "changed as it read it; watching for the next change\n",
                     signal, strsignal(signal));
  return kExitInvalid;
}

}  // namespace

int RunWatchCommand(const Job& job, const FileSystem& fs, std::ostream& out, std::ostream& err) {
  Job render = job;
  render.command = "render";
  render.progress = false;
  std::optional<FoundTemplate> found = FindTemplate(fs, job.resources, job.template_name);
  std::string template_file = found ? found->path : "";
  int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) {
    err << "brief: error: watch: cannot watch files: " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  std::set<std::string> folders = FoldersToWatch(job, fs, template_file, found ? found->fonts_dir : "");
  std::map<int, std::string> watched;  // watch descriptor → folder
  auto watch = [&](const std::string& folder) {
    int wd = inotify_add_watch(fd, folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM);
    if (wd >= 0) watched[wd] = folder;
    return wd >= 0;
  };
  for (const std::string& folder : folders) {
    if (!watch(folder)) {
      err << fmt::format("brief: error: watch: cannot watch {}: {}\n", folder, std::strerror(errno));
      close(fd);
      return kExitUsage;
    }
  }
  // With -r, a folder made later is watched too, and what is below it.
  std::function<void(const std::string&)> watch_tree = [&](const std::string& folder) {
    if (!watch(folder)) return;
    std::vector<std::string> names;
    std::string error;
    if (!fs.List(folder, &names, &error)) return;
    for (const std::string& n : names) {
      std::string child = JoinPath(folder, n);
      if (n[0] != '.' && fs.Kind(child) == PathKind::kDirectory && !fs.IsSymlink(child)) watch_tree(child);
    }
  };
  std::string template_name = template_file.empty() ? "" : template_file.substr(template_file.rfind('/') + 1);
  ClearInterrupt();
  InterruptGuard guard;
  int status = RenderCycle(render, fs, out, err);
  if (status == kExitUsage) {
    close(fd);
    return status;
  }
  err << fmt::format("brief: watching {} for changes; Ctrl-C stops\n", Plural(static_cast<long long>(folders.size()), "folder"));
  using Clock = std::chrono::steady_clock;
  bool pending = false;
  Clock::time_point last_change;
  char buffer[16384];
  while (!InterruptSignal()) {
    int timeout = pending ? std::max(0, job.debounce_ms - static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                               Clock::now() - last_change).count()))
                          : 250;
    pollfd p{fd, POLLIN, 0};
    int ready = poll(&p, 1, timeout);
    if (ready > 0) {
      ssize_t n;
      while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        for (char* at = buffer; at < buffer + n;) {
          auto* event = reinterpret_cast<inotify_event*>(at);
          bool folder = event->mask & IN_ISDIR;
          if (event->len > 0 && folder && job.recursive && (event->mask & (IN_CREATE | IN_MOVED_TO)) &&
              event->name[0] != '.' && watched.count(event->wd)) {
            watch_tree(JoinPath(watched[event->wd], event->name));
            pending = true;
            last_change = Clock::now();
          } else if (event->len > 0 && !folder && Matters(event->name, template_name)) {
            pending = true;
            last_change = Clock::now();
          }
          at += sizeof(inotify_event) + event->len;
        }
      }
      continue;
    }
    if (pending && Clock::now() - last_change >= std::chrono::milliseconds(job.debounce_ms)) {
      pending = false;
      ClearInterrupt();
      status = RenderCycle(render, fs, out, err);
      if (InterruptSignal()) break;
    }
  }
  close(fd);
  int signal = InterruptSignal();
  return signal ? InterruptExitCode(signal) : status;
}

}  // namespace brief
