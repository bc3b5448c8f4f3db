#!/usr/bin/python3
"""Reads an e-mail with Python's email package (the strict 'default'
policy, as a mail client would) and prints what the mail tests check, one
field a line:
  subject: ...            decoded (RFC 2047)
  to: ... / cc: ...       decoded addresses
  bcc header: yes|no
  date: ... / message-id: yes|no / x-unsent: ...
  parts: multipart/mixed > multipart/alternative > text/plain, text/html > application/pdf
  text: first line of the text part
  html: yes|no (has <h1>)
  attachment: NAME    decoded (RFC 2231)
  attachment sha256: HEX
  defects: N             header or MIME defects the parser found, but for
                         UndecodableBytesDefect: Python decodes each RFC 2231
                         continuation alone and flags a character split
                         between two, which RFC 2231 allows (the value still
                         decodes whole, as the attachment line shows)
Usage: read_message.py FILE.eml
"""
import email
import email.policy
import hashlib
import sys

with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)

defects = len(msg.defects)
print("subject:", msg["Subject"])
print("to:", msg["To"])
if msg["Cc"]:
    print("cc:", msg["Cc"])
print("bcc header:", "yes" if msg["Bcc"] else "no")
print("date:", msg["Date"])
print("message-id:", "yes" if msg["Message-ID"] else "no")
print("x-unsent:", msg["X-Unsent"] or "")
types = []
for part in msg.walk():
    types.append(part.get_content_type())
    defects += len(part.defects)
    for name in part.keys():
        defects += len([d for d in getattr(part[name], "defects", ())
                        if type(d).__name__ != "UndecodableBytesDefect"])
print("parts:", " ".join(types))
text = msg.get_body(preferencelist=("plain",))
print("text:", text.get_content().splitlines()[0] if text else "")
html = msg.get_body(preferencelist=("html",))
print("html:", "yes" if html and "<h1>" in html.get_content() else "no")
for part in msg.iter_attachments():
    data = part.get_payload(decode=True)
    print("attachment:", part.get_filename())
    print("attachment sha256:", hashlib.sha256(data).hexdigest())
print("defects:", defects)
