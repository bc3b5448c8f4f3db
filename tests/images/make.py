#!/usr/bin/python3
"""Writes the image fixtures of tests/images: a good PNG and JPEG, and each
kind of damaged or hostile image the logo check must refuse. Run from this
folder; the outputs are committed, this script says how they were made."""

import struct
import zlib


def chunk(kind, data, crc=None):
    """A PNG chunk: length, type, data, CRC (a wrong one when given)."""
    c = zlib.crc32(kind + data) & 0xFFFFFFFF if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", c)


def png(width, height, color_type=2, rows=None, ihdr_size=None, plte=True, depth=8):
    """A PNG of `width` x `height` (IHDR may claim another size)."""
    w, h = ihdr_size or (width, height)
    ihdr = struct.pack(">IIBBBBB", w, h, depth, color_type, 0, 0, 0)
    channels = {0: 1, 2: 3, 3: 1, 6: 4}[color_type]
    raw = rows if rows is not None else b"".join(
        b"\x00" + bytes([(x * 40 + y * 20) % 256 for x in range(width * channels)]) for y in range(height))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    if color_type == 3 and plte:
        out += chunk(b"PLTE", bytes(range(48)))
    return out + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


good = png(16, 12)
write("good.png", good)
# The IDAT chunk's CRC is wrong.
idat = good.index(b"IDAT")
length = struct.unpack(">I", good[idat - 4:idat])[0]
crc_at = idat + 4 + length
write("bad-crc.png", good[:crc_at] + b"\x00\x00\x00\x00" + good[crc_at + 4:])
write("truncated.png", good[: len(good) // 2])
write("palette-without-plte.png", png(16, 12, color_type=3, plte=False))
write("huge-ihdr.png", png(16, 12, ihdr_size=(100000, 100000)))
write("too-many-pixels.png", png(8, 8, ihdr_size=(5000, 5000), rows=b"\x00" * (5000 * 3 + 1) * 2))
write("short-data.png", png(16, 12, rows=(b"\x00" + b"\x10" * 48) * 5))  # 5 of 12 rows.
write("sixteen-bit.png", png(4, 4, depth=16, rows=(b"\x00" + b"\x10" * 24) * 4))

# good.jpg: a page of this project rendered small by Ghostscript
# (gs -sDEVICE=jpeg -r3 -dJPEGQ=50).
# JPEG: a frame header with no data, a 0 x 0 frame, text with the signature.
sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 64, 64, 1) + b"\x01\x11\x00"
write("frame-only.jpg", b"\xff\xd8" + sof + b"\xff\xd9")
write("zero-size.jpg", b"\xff\xd8" + b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 0, 0, 1) + b"\x01\x11\x00")
write("text.jpg", b"\xff\xd8\xff\xe0 this is text, not an image\n")
