// brief mail end to end: .eml drafts, and delivery to a real SMTP server on
// loopback (tests/mail/smtp_server.py over Debian's python3-aiosmtpd), read
// back with Python's email package (tests/mail/read_message.py).
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include <doctest/doctest.h>

#include "tests/run_binary.h"

namespace fs = std::filesystem;

namespace {

const std::string kFrom = "--from 'Briefs <briefs@example.com>' ";

// What read_message.py makes of a message file.
std::string ReadMessage(const std::string& path) {
  return RunShell("/usr/bin/python3 tests/mail/read_message.py " + path).out;
}

std::string Sha256Of(const std::string& path) {
  std::string out = RunShell("sha256sum " + path).out;
  return out.substr(0, 64);
}

// The test SMTP server, started on a free loopback port, stopped at the end.
struct SmtpServer {
  TempDir dir;
  std::string box, pid;
  int port = 0;
  explicit SmtpServer(const std::string& options) {
    box = dir.path + "/box";
    fs::create_directories(box);
    std::string port_file = dir.path + "/port";
    pid = RunShell("/usr/bin/python3 tests/mail/smtp_server.py " + box + " --port-file " + port_file + " " +
                   options + " >" + dir.path + "/server.log 2>&1 & echo $!")
              .out;
    pid = pid.substr(0, pid.find('\n'));
    for (int i = 0; i < 200 && !fs::exists(port_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE_MESSAGE(fs::exists(port_file), ReadWhole(dir.path + "/server.log"));
    port = std::stoi(ReadWhole(port_file));
  }
  ~SmtpServer() { RunShell("kill " + pid); }
  std::string Url() const { return "smtp://127.0.0.1:" + std::to_string(port); }
  int Count() const {
    int n = 0;
    for (const auto& e : fs::directory_iterator(box)) n += e.path().extension() == ".eml";
    return n;
  }
};

// A self-signed certificate for 127.0.0.1, made for the test.
struct Certificate {
  TempDir dir;
  std::string cert, key;
  Certificate() : cert(dir.path + "/cert.pem"), key(dir.path + "/key.pem") {
    Run r = RunShell("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + key + " -out " + cert +
                     " -days 1 -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost");
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
};

}  // namespace

TEST_CASE("mail: --eml writes drafts that read back with the Cyrillic and Chinese names intact") {
  TempDir out, eml;
  Run r = RunBrief("mail tests/briefs/mail " + kFrom + "--to 'Анна Петрова <anna@example.ru>' --cc ops@example.com --eml " +
                       eml.path + " -o " + out.path,
                   "SOURCE_DATE_EPOCH=1700000000");
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(r.err.find("mail: wrote 2 messages to " + eml.path) != std::string::npos);
  CHECK(ReadMessage(eml.path + "/kamaz.eml") ==
        "subject: Company brief: Камский автозавод (as of June 2024)\n"
        "to: Анна Петрова <anna@example.ru>\n"
        "cc: ops@example.com\n"
        "bcc header: no\n"
        "date: Tue, 14 Nov 2023 22:13:20 +0000\n"
        "message-id: yes\n"
        "x-unsent: 1\n"
        "parts: multipart/mixed multipart/alternative text/plain text/html application/pdf\n"
        "text: Камский автозавод\n"
        "html: yes\n"
        "attachment: Камский автозавод — company brief.pdf\n"
        "attachment sha256: " + Sha256Of(out.path + "/kamaz.pdf") + "\n"
        "defects: 0\n");
  std::string byd = ReadMessage(eml.path + "/byd.eml");
  CHECK(byd.find("subject: Company brief: 比亚迪股份有限公司 (as of June 2024)\n") != std::string::npos);
  // --subject takes {name} and {as_of}.
  TempDir eml2, out2;
  RunBrief("mail tests/briefs/mail/byd.yaml " + kFrom + "--to a@example.com --subject '{name}: brief of {as_of}' --eml " +
           eml2.path + " -o " + out2.path);
  CHECK(ReadMessage(eml2.path + "/byd.eml").find("subject: 比亚迪股份有限公司: brief of June 2024\n") != std::string::npos);
  CHECK(byd.find("attachment: 比亚迪股份有限公司 — company brief.pdf\n") != std::string::npos);
  CHECK(byd.find("attachment sha256: " + Sha256Of(out.path + "/byd.pdf")) != std::string::npos);
  // Under SOURCE_DATE_EPOCH the same input gives the same bytes.
  std::string first = ReadWhole(eml.path + "/kamaz.eml");
  RunBrief("mail tests/briefs/mail " + kFrom + "--to 'Анна Петрова <anna@example.ru>' --cc ops@example.com --eml " +
               eml.path + " -o " + out.path,
           "SOURCE_DATE_EPOCH=1700000000");
  CHECK(ReadWhole(eml.path + "/kamaz.eml") == first);
}

TEST_CASE("mail: delivered over STARTTLS with AUTH, Bcc in the envelope only, not sent twice, --resend") {
  Certificate tls;
  SmtpServer server("--tls " + tls.cert + " " + tls.key + " --auth robot:s3cret");
  TempDir out;
  std::string command = "mail tests/briefs/mail briefs/avtotor.yaml " + kFrom +
                        "--to anna@example.ru --bcc boss@example.com --smtp " + server.Url() + " --cacert " +
                        tls.cert + " -o " + out.path;
  std::string env = "BRIEF_SMTP_USER=robot BRIEF_SMTP_PASSWORD=s3cret";
  Run r = RunBrief(command, env);
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(WithoutTimes(r.err.substr(r.err.find("mail: "))) == "mail: sent 3, already sent 0, failed 0 in T s\n");
  REQUIRE(server.Count() == 3);
  CHECK(ReadWhole(server.box + "/1.json") ==
        R"({"from": "briefs@example.com", "to": ["anna@example.ru", "boss@example.com"]})");
  std::string kamaz;
  for (int i = 1; i <= 3; ++i) {
    std::string m = ReadMessage(server.box + "/" + std::to_string(i) + ".eml");
    CHECK(m.find("bcc header: no\n") != std::string::npos);
    CHECK(m.find("defects: 0\n") != std::string::npos);
    if (m.find("Камский") != std::string::npos) kamaz = m;
  }
  CHECK(kamaz.find("attachment sha256: " + Sha256Of(out.path + "/kamaz.pdf")) != std::string::npos);
  // Again: the sent log says they went; nothing is sent.
  Run again = RunBrief(command, env);
  CHECK(WithoutTimes(again.err.substr(again.err.find("mail: "))) == "mail: sent 0, already sent 3, failed 0 in T s\n");
  CHECK(server.Count() == 3);
  Run resend = RunBrief(command + " --resend", env);
  CHECK(resend.status == 0);
  CHECK(server.Count() == 6);
  // A brief whose PDF changed goes again; the others do not.
  TempDir changed;
  fs::copy_file("tests/briefs/mail/byd.yaml", changed.path + "/byd.yaml");
  std::string again_command = "mail " + changed.path + " " + kFrom + "--to anna@example.ru --bcc boss@example.com --smtp " +
                              server.Url() + " --cacert " + tls.cert + " -o " + out.path;
  CHECK(RunBrief(again_command, env).err.find("mail: sent 0, already sent 1") != std::string::npos);
  std::string byd = ReadWhole(changed.path + "/byd.yaml");
  byd.replace(byd.find("Maker of"), 8, "Builder of");
  std::ofstream(changed.path + "/byd.yaml") << byd;
  CHECK(RunBrief(again_command, env).err.find("mail: sent 1, already sent 0") != std::string::npos);
  CHECK(server.Count() == 7);
  // A wrong password is a failure for each brief, said with the server's reply.
  TempDir other;
  Run denied = RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to anna@example.ru --smtp " + server.Url() +
                            " --cacert " + tls.cert + " -o " + other.path,
                        "BRIEF_SMTP_USER=robot BRIEF_SMTP_PASSWORD=wrong");
  CHECK(denied.status == 1);
  CHECK(denied.err.find("briefs/avtotor.yaml: error: not sent: ") != std::string::npos);
}

TEST_CASE("mail: 451 or a dropped connection, then 250, is one delivery, and ~/.netrc, and a 550 is reported and the batch goes on") {
  TempDir out;
  {
    SmtpServer flaky("--fail-first 1");
    Run r = RunBrief("mail tests/briefs/mail/kamaz.yaml " + kFrom + "--to anna@example.ru --insecure --smtp " +
                     flaky.Url() + " -o " + out.path);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(flaky.Count() == 1);
  }
  {
    SmtpServer dropping("--drop-first 1");
    TempDir out3;
    Run r = RunBrief("mail tests/briefs/mail/kamaz.yaml " + kFrom + "--to anna@example.ru --insecure --smtp " +
                     dropping.Url() + " -o " + out3.path);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(dropping.Count() == 1);
  }
  {
    // Credentials from ~/.netrc when the environment has none.
    Certificate tls;
    SmtpServer authed("--tls " + tls.cert + " " + tls.key + " --auth robot:s3cret");
    TempDir home, out4;
    std::ofstream(home.path + "/.netrc") << "machine 127.0.0.1 login robot password s3cret\n";
    Run r = RunBrief("mail tests/briefs/mail/kamaz.yaml " + kFrom + "--to anna@example.ru --smtp " + authed.Url() +
                         " --cacert " + tls.cert + " -o " + out4.path,
                     "HOME=" + home.path);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(authed.Count() == 1);
  }
  SmtpServer strict("--reject-subject Камский");
  TempDir out2;
  Run r = RunBrief("mail tests/briefs/mail " + kFrom + "--to anna@example.ru --insecure --smtp " + strict.Url() +
                   " -o " + out2.path);
  CHECK(r.status == 1);
  CHECK(r.err.find("tests/briefs/mail/kamaz.yaml: error: not sent: ") != std::string::npos);
  CHECK(r.err.find("not sent: the server said: 550 5.7.1 Message rejected by policy\n") != std::string::npos);
  CHECK(strict.Count() == 1);  // byd.yaml still went.
  CHECK(r.err.find("mail: sent 1, already sent 0, failed 1 in ") != std::string::npos);
  CHECK(r.err.find("  failed: tests/briefs/mail/kamaz.yaml (the server said: 550 5.7.1") != std::string::npos);
}

TEST_CASE("mail: smtps:// is TLS from the start") {
  Certificate tls;
  SmtpServer server("--tls " + tls.cert + " " + tls.key + " --smtps --auth robot:s3cret");
  TempDir out;
  Run r = RunBrief("mail tests/briefs/mail/kamaz.yaml " + kFrom + "--to anna@example.ru --smtp smtps://127.0.0.1:" +
                       std::to_string(server.port) + " --cacert " + tls.cert + " -o " + out.path,
                   "BRIEF_SMTP_USER=robot BRIEF_SMTP_PASSWORD=s3cret");
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(server.Count() == 1);
  // Without the certificate trusted, nothing is sent.
  Run untrusted = RunBrief("mail tests/briefs/mail/kamaz.yaml " + kFrom + "--to anna@example.ru --resend --smtp smtps://127.0.0.1:" +
                               std::to_string(server.port) + " -o " + out.path,
                           "BRIEF_SMTP_USER=robot BRIEF_SMTP_PASSWORD=s3cret");
  CHECK(untrusted.status == 1);
  CHECK(server.Count() == 1);
}

TEST_CASE("mail: STARTTLS is required unless --insecure, which is for loopback only, and usage errors") {
  SmtpServer plain("");
  TempDir out;
  Run refused = RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to anna@example.ru --smtp " + plain.Url() +
                         " -o " + out.path);
  CHECK(refused.status == 1);
  CHECK(plain.Count() == 0);
  Run far = RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to anna@example.ru --insecure --smtp smtp://mail.example.com -o " + out.path);
  CHECK(far.status == 2);
  CHECK(far.err == "brief: error: mail: --insecure sends mail and passwords as plain text, so it is only for a "
                   "server on this machine (localhost, 127.0.0.1, ::1), not 'mail.example.com'\n");
  CHECK(RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to 'not an address' --dry-run").status == 2);
  CHECK(RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to a@example.com").err ==
        "brief: error: mail: give one of --eml DIR, --smtp URL or --dry-run\n");
  Run dry = RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to a@example.com --bcc b@example.com --dry-run -o " + out.path);
  CHECK(dry.status == 0);
  // The size is the rendered PDF's, whatever the page's design makes it: within the 20 KB budget.
  std::smatch m;
  REQUIRE(std::regex_search(dry.out, m, std::regex("^briefs/avtotor\\.yaml: from briefs@example\\.com to a@example\\.com, "
                                                   "bcc b@example\\.com: \"Company brief: Avtotor \\(as of 2024\\)\", "
                                                   "attachment \"Avtotor — company brief\\.pdf\" \\(([0-9]+) bytes\\)")));
  CHECK(std::stoi(m[1]) > 10000);
  CHECK(std::stoi(m[1]) <= 20480);
}

TEST_CASE("mail: --recipients gives each brief its people, checked like a brief, typos named") {
  TempDir dir;
  std::string file = dir.path + "/recipients.yaml";
  auto write = [&](const std::string& text) { std::ofstream(file) << text; };
  write("kamaz:\n  to: Анна Петрова <anna@example.ru>\n  cc: [ops@example.com]\n"
        "\"b*\":\n  to: [asia-desk@example.com]\n  bc: archive@example.com\n"
        "avtotr:\n  to: x@exam ple.com\n");
  std::string command = "mail tests/briefs/mail briefs/avtotor.yaml " + kFrom + "--recipients " + file +
                        " --format short --dry-run -o " + dir.path + "/out";
  Run bad = RunBrief(command);
  CHECK(bad.status == 2);
  CHECK(bad.err == file + ":6:3: error: b*: unknown key 'bc' (did you mean 'cc'?)\n" + file +
                       ":8:7: error: avtotr.to: 'x@exam ple.com' has a space or a character an address cannot hold\n"
                       "  hint: write an address as name@example.com or \"Name <name@example.com>\"\n");
  write("kamaz:\n  to: Анна Петрова <anna@example.ru>\n  cc: [ops@example.com]\n"
        "\"b*\":\n  to: [asia-desk@example.com]\n  bcc: archive@example.com\n"
        "avtotr:\n  to: x@example.com\n");
  Run r = RunBrief(command);
  CHECK(r.status == 1);  // avtotor.yaml has no one to go to.
  CHECK(std::regex_replace(r.out, std::regex("[0-9]+ bytes"), "N bytes") ==
        "tests/briefs/mail/byd.yaml: from briefs@example.com to asia-desk@example.com, bcc archive@example.com: "
        "\"Company brief: 比亚迪股份有限公司 (as of June 2024)\", attachment \"比亚迪股份有限公司 — company brief.pdf\" "
        "(N bytes), message N bytes\n"
        "tests/briefs/mail/kamaz.yaml: from briefs@example.com to Анна Петрова <anna@example.ru>, cc ops@example.com: "
        "\"Company brief: Камский автозавод (as of June 2024)\", attachment \"Камский автозавод — company brief.pdf\" "
        "(N bytes), message N bytes\n");
  CHECK(r.err.find("briefs/avtotor.yaml: error: no one to send it to: no entry of " + file +
                   " matches 'avtotor', and no --to was given\n") != std::string::npos);
  CHECK(r.err.find(file + ":7:1: warning: avtotr: matches none of the briefs (did you mean 'avtotor'?)\n") !=
        std::string::npos);
  // A message over --max-size is sent, with a warning.
  Run big = RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to a@example.com --max-size 0.01 --dry-run -o " +
                     dir.path + "/out");
  CHECK(big.err.find("briefs/avtotor.yaml: warning: the message is 0.03 MB, over the 0.01 MB many providers accept") !=
        std::string::npos);
}

TEST_CASE("mail: no password in plain text to another machine, a refused login stops the batch, SIGINT stops it") {
  TempDir out;
  // The host libcurl would connect to decides, not how the URL begins.
  for (const char* url : {"smtp://localhost:x@192.0.2.2:2525", "smtp://127.example.com", "smtp://u:p@127.0.0.1:25"}) {
    Run r = RunBrief("mail briefs/avtotor.yaml " + kFrom + "--to a@example.com --insecure --smtp " + url + " -o " + out.path);
    CHECK_MESSAGE(r.status == 2, url);
  }
  Certificate tls;
  SmtpServer server("--tls " + tls.cert + " " + tls.key + " --auth robot:s3cret");
  Run denied = RunBrief("mail tests/briefs/mail " + kFrom + "--to anna@example.ru --smtp " + server.Url() +
                            " --cacert " + tls.cert + " -o " + out.path,
                        "BRIEF_SMTP_USER=robot BRIEF_SMTP_PASSWORD=wrong");
  CHECK(denied.status == 1);
  CHECK(denied.err.find("byd.yaml: error: not sent: the server said: 535") != std::string::npos);
  CHECK(denied.err.find("  failed: tests/briefs/mail/kamaz.yaml (not tried: the server refused the login)") !=
        std::string::npos);
  // A run stopped by SIGINT while it waits on a server that does not answer.
  Run hang = RunShell("/usr/bin/python3 -c 'import socket,time; s=socket.socket(); s.bind((\"127.0.0.1\",0)); s.listen(); "
                      "print(s.getsockname()[1], flush=True); time.sleep(60)' > " + out.path + "/port & "
                      "sleep 1; BRIEF_HOME=. " + std::string(BRIEF_BINARY) + " mail tests/briefs/mail " +
                      "--from a@example.com --to b@example.com --insecure --smtp smtp://127.0.0.1:$(cat " + out.path +
                      "/port) -o " + out.path + " & pid=$!; sleep 2; kill -INT $pid; wait $pid; echo status=$?; kill %1");
  CHECK(hang.out.find("status=130") != std::string::npos);
}
