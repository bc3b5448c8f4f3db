#!/usr/bin/python3
"""Checks that a line of a rendered PDF is exactly what HarfBuzz shapes.

Usage: shaping_check.py PDF TEXT

Reads the first page's content stream, splits its text into lines (each
started by a `Tm` or a `Td`), and for every line drawn in a single embedded font
compares its glyphs with the output of HarfBuzz's `hb-shape` for TEXT in the
original font file that the embedded subset was made from:

* subset glyph ids are mapped back to original glyph ids by comparing glyph
  outlines (points, contour ends, on-curve flags, with composite glyphs
  resolved to points) and advance widths;
* each glyph's position is computed from the TJ arithmetic (widths from the
  CIDFont's /W array, TJ adjustments, text rise) in 1/1000 em relative to the
  line's origin, and compared with hb-shape's x = sum of earlier advances
  + dx, y = dy, converted to 1/1000 em.

First, every embedded font's /W widths must be the font's own advances
(hmtx, to 0.01/1000 em), and never name glyph 0. Then the two multisets of
(original glyph id, x, y) must be equal, positions within TOLERANCE. Exits 0 and prints "ok: N glyphs" if some line matches;
otherwise prints a diff against the line that came closest and exits 1.
hb-shape runs in the C.UTF-8 locale, so that the default language (which can
select a font's language-specific forms) does not depend on the environment.
"""

import collections
import functools
import io
import json
import os
import subprocess
import sys

import pikepdf
from fontTools.ttLib import TTFont

TOLERANCE = 0.05  # 1/1000 em
ON_CURVE = 0x01

PdfGlyph = collections.namedtuple("PdfGlyph", "font cid x y")
Expected = collections.namedtuple("Expected", "gid x y")


class Failure(Exception):
    """A problem that prevents the check from being made at all."""


# --- The PDF side -----------------------------------------------------------


class EmbeddedFont:
    """A Type0 / CIDFontType2 font resource: its widths and its subset."""

    def __init__(self, resource):
        if resource.get("/Subtype") != "/Type0":
            raise Failure("font %s is not a Type0 font" % resource.get("/BaseFont"))
        cid_font = resource.DescendantFonts[0]
        if cid_font.get("/CIDToGIDMap") != "/Identity":
            raise Failure("font %s has no /Identity CIDToGIDMap" % resource.BaseFont)
        self.base_font = str(resource.BaseFont)[1:]  # A name: drop its "/".
        self.default_width = float(cid_font.get("/DW", 1000))
        self.widths = parse_widths(cid_font.get("/W", pikepdf.Array()))
        data = cid_font.FontDescriptor.FontFile2.read_bytes()
        self.subset = TTFont(io.BytesIO(data))

    @property
    def postscript_name(self):
        """The BaseFont without its six-letter subset tag."""
        tag, plus, name = self.base_font.partition("+")
        return name if plus and len(tag) == 6 else self.base_font

    def width(self, cid):
        """The glyph's advance in 1/1000 em, as a PDF reader sees it."""
        return self.widths.get(cid, self.default_width)


def parse_widths(array):
    """Reads a CIDFont /W array into {cid: width in 1/1000 em}."""
    widths = {}
    items = list(array)
    i = 0
    while i < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            for offset, width in enumerate(items[i + 1]):
                widths[first + offset] = float(width)
            i += 2
        else:
            last, width = int(items[i + 1]), float(items[i + 2])
            for cid in range(first, last + 1):
                widths[cid] = width
            i += 3
    return widths


def read_lines(page, fonts):
    """Splits the page's text into lines: lists of PdfGlyph, one per Tm or Td.

    Positions are in 1/1000 em of the glyph's font size, relative to the
    line's origin. Only the operators the renderer writes are accepted;
    any other text-positioning operator is an error rather than a silently
    wrong position.
    """
    lines = []
    font, size = None, None
    pen = rise = 0.0  # In points (text space; every Tm and Td is a translation).
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "Tm":
            a, b, c, d = (float(v) for v in operands[:4])
            if (a, b, c, d) != (1, 0, 0, 1):
                raise Failure("Tm with scaling or rotation is not supported")
            lines.append([])
            pen = 0.0
        elif op == "Td":  # A new line, moved from the last line's origin.
            lines.append([])
            pen = 0.0
        elif op == "Tf":
            font, size = fonts[str(operands[0])], float(operands[1])
        elif op == "Ts":
            rise = float(operands[0])
        elif op == "TJ":
            if not lines:
                raise Failure("glyphs shown before any Tm or Td")
            for item in operands[0]:
                if isinstance(item, pikepdf.String):
                    data = bytes(item)
                    for i in range(0, len(data), 2):
                        cid = int.from_bytes(data[i:i + 2], "big")
                        lines[-1].append(
                            PdfGlyph(font, cid, pen * 1000 / size, rise * 1000 / size))
                        pen += font.width(cid) * size / 1000
                else:
                    pen -= float(item) * size / 1000
        elif op in ("Tj", "'", '"', "TD", "T*", "Tc", "Tw", "Tz", "TL"):
            raise Failure("unsupported text operator %s in the content stream" % op)
    return lines


# --- The font side ----------------------------------------------------------


def outline_key(font, gid):
    """What identifies a glyph across subsetting: advance and outline."""
    name = font.getGlyphName(gid)
    glyf = font["glyf"]
    coordinates, end_points, flags = glyf[name].getCoordinates(glyf)
    return (
        font["hmtx"][name][0],
        tuple(coordinates),
        tuple(end_points),
        tuple(f & ON_CURVE for f in flags),
    )


class OriginalFont:
    """An installed font file, with its glyph outlines keyed for lookup."""

    def __init__(self, path, index):
        self.path, self.index = path, index
        self.font = TTFont(path, fontNumber=index, lazy=True)
        self.upem = self.font["head"].unitsPerEm
        self._keys = {}

    def key(self, gid):
        """outline_key of an original glyph, cached."""
        if gid not in self._keys:
            self._keys[gid] = outline_key(self.font, gid)
        return self._keys[gid]

    def search(self, key):
        """Every original glyph id whose outline and advance equal `key`'s."""
        hmtx = self.font["hmtx"]
        return [gid for gid, name in enumerate(self.font.getGlyphOrder())
                if hmtx[name][0] == key[0] and self.key(gid) == key]

    def shape(self, text):
        """hb-shape's glyphs for text, positions in 1/1000 em."""
        command = ["hb-shape", "--font-file=" + self.path, "--face-index=%d" % self.index,
                   "--output-format=json", "--bot", "--eot", "--remove-default-ignorables",
                   "--cluster-level=1", "--no-glyph-names", "--text=" + text]
        env = dict(os.environ, LC_ALL="C.UTF-8")
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:
            raise Failure("hb-shape failed: " + result.stderr.strip())
        scale = 1000 / self.upem
        expected, pen = [], 0
        for glyph in json.loads(result.stdout):
            expected.append(Expected(glyph["g"], (pen + glyph["dx"]) * scale, glyph["dy"] * scale))
            pen += glyph["ax"]
        return expected


@functools.lru_cache(maxsize=None)
def installed_fonts():
    """{PostScript name: [(file, face index)]} for the fonts fontconfig knows.

    Named instances of variable fonts (index >= 0x10000) are left out: their
    outlines are not the file's.
    """
    listing = subprocess.run(
        ["fc-list", "--format", "%{file}\t%{index}\t%{postscriptname}\n"],
        capture_output=True, text=True, check=True).stdout
    found = collections.defaultdict(list)
    for row in sorted(listing.splitlines()):
        path, index, name = row.split("\t")
        if int(index) < 0x10000:
            found[name].append((path, int(index)))
    return found


# --- The comparison ---------------------------------------------------------


def close(a, b):
    """Whether two positions agree within TOLERANCE."""
    return abs(a.x - b.x) <= TOLERANCE and abs(a.y - b.y) <= TOLERANCE


def compare(line, original, expected):
    """Pairs the line's glyphs with hb-shape's.

    A PDF glyph pairs with an expected glyph whose outline it has (any of
    the original glyphs sharing that outline would draw the same) and whose
    position is within TOLERANCE. Returns (pairs, unexpected PDF glyphs,
    missing expected glyphs).
    """
    missing = list(expected)
    unexpected, pairs = [], []
    for glyph in sorted(line, key=lambda g: (g.x, g.y)):
        key = outline_key(glyph.font.subset, glyph.cid)
        match = next((e for e in missing if original.key(e.gid) == key and close(glyph, e)), None)
        if match is None:
            unexpected.append(glyph)
        else:
            missing.remove(match)
            pairs.append((glyph, match))
    return pairs, unexpected, missing


def describe(original, gid, x, y):
    """One hb-shape glyph of a diff: its original id and name, and its position."""
    return "gid %5d %-24s x=%9.2f y=%8.2f" % (gid, original.font.getGlyphName(gid), x, y)


def describe_pdf(original, glyph, expected):
    """One PDF glyph of a diff, named by the original glyph with its outline
    (an hb-shape glyph's id if one of them has it)."""
    gids = original.search(outline_key(glyph.font.subset, glyph.cid))
    if not gids:
        return "subset gid %d, an outline the original font does not have, x=%9.2f y=%8.2f" % (
            glyph.cid, glyph.x, glyph.y)
    shaped = [gid for gid in gids if gid in {e.gid for e in expected}]
    return describe(original, (shaped or gids)[0], glyph.x, glyph.y)


def report(text, line, original, expected, unexpected, missing):
    """Prints how the closest line differs from hb-shape's output."""
    print("mismatch for %r in %s (%s, index %d): %d glyphs in the PDF line, %d from hb-shape, "
          "%d in common; positions in 1/1000 em from the line's origin"
          % (text, line[0].font.base_font, original.path, original.index, len(line),
             len(expected), len(line) - len(unexpected)))
    print("only from hb-shape:")
    for e in sorted(missing, key=lambda e: (e.x, e.y)):
        print("  - " + describe(original, e.gid, e.x, e.y))
    print("only in the PDF:")
    for glyph in unexpected:
        print("  + " + describe_pdf(original, glyph, expected))


def width_mismatches(font):
    """/W entries that differ from the embedded font's own advances.

    Each glyph's width must be its hmtx advance in 1/1000 em (to 0.01).
    """
    order = font.subset.getGlyphOrder()
    hmtx = font.subset["hmtx"]
    upem = font.subset["head"].unitsPerEm
    problems = []
    for cid, width in sorted(font.widths.items()):
        if cid == 0 or cid >= len(order):
            problems.append("%s: /W has glyph %d, which is .notdef or not in the font"
                            % (font.base_font, cid))
            continue
        advance = hmtx[order[cid]][0] * 1000.0 / upem
        if abs(advance - width) > 0.01:
            problems.append("%s: glyph %d has /W %.3f but advance %.3f"
                            % (font.base_font, cid, width, advance))
    return problems


def check(pdf_path, text):
    """Runs the check; returns the exit status."""
    pdf = pikepdf.open(pdf_path)
    page = pdf.pages[0]
    fonts = {str(name): EmbeddedFont(resource)
             for name, resource in page.Resources.get("/Font", {}).items()}
    problems = [p for font in fonts.values() for p in width_mismatches(font)]
    if problems:
        print("widths differ from the fonts' advances:")
        for p in problems:
            print("  " + p)
        return 1
    originals, shaped = {}, {}
    best = None  # (score, line, original, expected, unexpected, missing)
    for line in read_lines(page, fonts):
        faces = {g.font for g in line}
        if len(faces) != 1:
            continue
        face = faces.pop()
        for location in installed_fonts().get(face.postscript_name, []):
            if location not in originals:
                originals[location] = OriginalFont(*location)
                shaped[location] = originals[location].shape(text)
            original, expected = originals[location], shaped[location]
            pairs, unexpected, missing = compare(line, original, expected)
            if not unexpected and not missing:
                print("ok: %d glyphs" % len(pairs))
                return 0
            score = (len(pairs), -abs(len(line) - len(expected)))
            if best is None or score > best[0]:
                best = (score, line, original, expected, unexpected, missing)
    if best is None:
        print("no line of %s is drawn in a single font found by fontconfig" % pdf_path)
        return 1
    report(text, *best[1:])
    return 1


def main(argv):
    """Parses the command line and runs the check."""
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        return check(argv[1], argv[2])
    except Failure as failure:
        print("error: %s" % failure)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
