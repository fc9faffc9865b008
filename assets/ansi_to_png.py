#!/usr/bin/env python3
"""Turns a `tmux capture-pane -e -p` dump (text with SGR colour codes) into a PNG screenshot.

Usage: ansi_to_png.py IN.ans OUT.png   (needs Pillow and the DejaVu Sans Mono font)
Only what clinicprep draws is handled: 16/256/RGB colours, bold, dim, reverse, underline.
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 16
FG, BG = (220, 220, 220), (24, 24, 28)
BASE16 = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def c256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


def apply(codes, st):
    it = iter(codes or [0])
    for c in it:
        if c == 0:
            st.update(fg=None, bg=None, bold=False, rev=False, ul=False, dim=False)
        elif c == 1:
            st["bold"] = True
        elif c == 2:
            st["dim"] = True
        elif c == 4:
            st["ul"] = True
        elif c == 7:
            st["rev"] = True
        elif c == 22:
            st["bold"] = st["dim"] = False
        elif c == 24:
            st["ul"] = False
        elif c == 27:
            st["rev"] = False
        elif 30 <= c <= 37:
            st["fg"] = BASE16[c - 30]
        elif 90 <= c <= 97:
            st["fg"] = BASE16[c - 90 + 8]
        elif 40 <= c <= 47:
            st["bg"] = BASE16[c - 40]
        elif 100 <= c <= 107:
            st["bg"] = BASE16[c - 100 + 8]
        elif c == 39:
            st["fg"] = None
        elif c == 49:
            st["bg"] = None
        elif c in (38, 48):
            kind = next(it, None)
            col = c256(next(it, 0)) if kind == 5 else (next(it, 0), next(it, 0), next(it, 0))
            st["fg" if c == 38 else "bg"] = col


def main(src, dst):
    lines = open(src, encoding="utf-8").read().rstrip("\n").split("\n")
    font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
    cw, ch = int(font.getlength("M")), SIZE + 4
    cols = 0
    grid = []
    st = dict(fg=None, bg=None, bold=False, rev=False, ul=False, dim=False)
    for line in lines:
        row, x = [], 0
        for m in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b])", line):
            if m.group(1) is not None:
                apply([int(p) for p in m.group(1).split(";") if p], st)
                continue
            chr_ = m.group(2)
            wide = unicodedata.east_asian_width(chr_) in "WF"
            row.append((x, chr_, dict(st), wide))
            x += 2 if wide else 1
        cols = max(cols, x)
        grid.append(row)
    img = Image.new("RGB", (cols * cw + 16, len(grid) * ch + 16), BG)
    d = ImageDraw.Draw(img)
    for y, row in enumerate(grid):
        for x, c, s, wide in row:
            fg, bg = s["fg"] or FG, s["bg"] or BG
            if s["rev"]:
                fg, bg = bg, fg
            if s["dim"]:
                fg = tuple(v * 2 // 3 for v in fg)
            px, py = 8 + x * cw, 8 + y * ch
            w = cw * (2 if wide else 1)
            if bg != BG:
                d.rectangle([px, py, px + w - 1, py + ch - 1], fill=bg)
            if c != " ":
                d.text((px, py + 1), c, font=bold if s["bold"] else font, fill=fg)
            if s["ul"]:
                d.line([px, py + ch - 2, px + w, py + ch - 2], fill=fg)
    img.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
