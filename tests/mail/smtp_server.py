#!/usr/bin/python3
"""A test SMTP server on loopback (Debian's python3-aiosmtpd), for the mail
tests. Each message it accepts is saved as DIR/N.eml, with its envelope in
DIR/N.json ({"from": ..., "to": [...]}).

Usage: smtp_server.py DIR --port-file FILE [--tls CERT KEY] [--auth USER:PASSWORD]
                      [--fail-first N] [--drop-first N] [--reject-subject TEXT]
  --tls                STARTTLS offered and required before MAIL
  --smtps              with --tls: TLS from the first byte (smtps://) instead
  --auth               AUTH (PLAIN, LOGIN) required, after STARTTLS
  --fail-first N       answer the first N DATA commands with 451 (try again later)
  --drop-first N       drop the connection at the first N DATA commands, unanswered
  --reject-subject     answer 550 to a message whose decoded subject contains TEXT
Writes the port it listens on to FILE once it accepts connections, and
runs until killed.
"""
import argparse
import email
import email.policy
import json
import os
import signal
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

args = argparse.ArgumentParser()
args.add_argument("dir")
args.add_argument("--port-file", required=True)
args.add_argument("--tls", nargs=2)
args.add_argument("--smtps", action="store_true")
args.add_argument("--auth")
args.add_argument("--fail-first", type=int, default=0)
args.add_argument("--drop-first", type=int, default=0)
args.add_argument("--reject-subject")
opts = args.parse_args()


class Handler:
    def __init__(self):
        self.count = 0
        self.failed = 0
        self.dropped = 0

    async def handle_DATA(self, server, session, envelope):
        if self.dropped < opts.drop_first:
            self.dropped += 1
            server.transport.abort()
            return "421 4.4.2 connection dropped"  # Never reaches the client.
        if self.failed < opts.fail_first:
            self.failed += 1
            return "451 4.3.0 Temporary failure, try again later"
        content = envelope.original_content or envelope.content
        subject = email.message_from_bytes(content, policy=email.policy.default)["Subject"] or ""
        if opts.reject_subject and opts.reject_subject in subject:
            return "550 5.7.1 Message rejected by policy"
        self.count += 1
        base = os.path.join(opts.dir, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(content)
        with open(base + ".json", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        return "250 2.0.0 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = opts.auth.split(":", 1)
    ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
          and auth_data.password == password.encode())
    # handled=False: aiosmtpd then answers 535 itself (with the default
    # True it leaves the reply to us, and the client waits).
    return AuthResult(success=ok, handled=False)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


kwargs = {}
if opts.tls:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(opts.tls[0], opts.tls[1])
    if opts.smtps:
        kwargs.update(ssl_context=context)
    else:
        kwargs.update(tls_context=context, require_starttls=True)
if opts.auth:
    kwargs.update(authenticator=authenticator, auth_required=True,
                  auth_require_tls=bool(opts.tls) and not opts.smtps)
port = free_port()
controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)
controller.start()
with open(opts.port_file + ".tmp", "w") as f:
    f.write(str(port))
os.rename(opts.port_file + ".tmp", opts.port_file)
signal.signal(signal.SIGTERM, lambda *_: (controller.stop(), sys.exit(0)))
while True:
    time.sleep(3600)
