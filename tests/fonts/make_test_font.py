#!/usr/bin/env python3
"""Builds a tiny TrueType font for the ccmp analysis tests.

usage: make_test_font.py OUT.ttf FEATURES.fea

Glyphs: .notdef, A, B, C, acutecomb (U+0301), Aacute (U+00C1), pua (U+E000,
a private-use character drawn as an accent), each a box 500 units wide;
the feature file (OpenType feature file syntax, without languagesystem
statements) becomes its GSUB."""
import sys

from fontTools.feaLib.builder import addOpenTypeFeaturesFromString
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen


def box():
    pen = TTGlyphPen(None)
    pen.moveTo((50, 0))
    pen.lineTo((50, 700))
    pen.lineTo((450, 700))
    pen.lineTo((450, 0))
    pen.closePath()
    return pen.glyph()


def main():
    out = sys.argv[1]
    with open(sys.argv[2], encoding="utf-8") as f:
        features = f.read()
    names = [".notdef", "A", "B", "C", "acutecomb", "Aacute", "pua", "space"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({0x41: "A", 0x42: "B", 0x43: "C", 0x301: "acutecomb", 0xC1: "Aacute",
                          0xE000: "pua", 0x20: "space"})
    fb.setupGlyf({n: box() for n in names})
    fb.setupHorizontalMetrics({n: (500, 50) for n in names})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Ccmp Test", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    addOpenTypeFeaturesFromString(fb.font, "languagesystem DFLT dflt;\nlanguagesystem latn dflt;\n" + features)
    fb.save(out)


if __name__ == "__main__":
    main()
