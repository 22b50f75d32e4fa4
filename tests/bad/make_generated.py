#!/usr/bin/env python3
"""Writes the bad-input cases too large to commit into DIR (tests/bad/run_bad.py
calls this at test time): a 50 MB string, 10,000-deep nesting, an alias
"billion laughs" bomb, a 100 KB scalar, 5,001 entries, a 30000x30000 PNG
(valid chunk structure, tiny IDAT), and symlinks pointing out of the folder."""
import os
import struct
import sys
import zlib


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def main() -> None:
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def write(name: str, data) -> None:
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(os.path.join(out, name), mode) as f:
            f.write(data)

    # 50 MB in one scalar: over the 8 MiB input limit.
    with open(os.path.join(out, "huge-string.yaml"), "w") as f:
        f.write("cv:\n  name: ")
        chunk = "A" * (1 << 20)
        for _ in range(50):
            f.write(chunk)
        f.write("\n")
    # 100 KB in one scalar: under the input limit, over the 64 KiB string limit.
    write("long-string.yaml", "cv:\n  name: Ada Lovelace\n  location: " + "x" * 100_000 + "\n")
    # 10,000 nested flow sequences, then 10,000 nested block maps.
    write("deep-flow.yaml", "cv:\n  name: " + "[" * 10_000 + "]" * 10_000 + "\n")
    write("deep-map.yaml", "cv:\n  name: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n")
    # 10,000 nested block sequences on one line ("- - - ... x").
    write("deep-block.yaml", "cv:\n  name: Ada Lovelace\n  custom:\n    " + "- " * 10_000 + "x\n")
    # Billion laughs: 10 levels of 10 aliases each.
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
    lines.append("cv:\n  name: Ada Lovelace\n  custom: *a9")
    write("billion-laughs.yaml", "\n".join(lines) + "\n")
    # Too many entries.
    entries = "".join(f"      - Bullet {i}\n" for i in range(5_001))
    write("too-many-entries.yaml", "cv:\n  name: Ada Lovelace\n  sections:\n    notes:\n" + entries)
    # A 30000 x 30000 PNG: a well-formed file (signature, IHDR, IDAT, IEND with
    # correct CRCs) whose pixel count is 900 megapixels.
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) +
           png_chunk(b"IDAT", zlib.compress(b"\0" * 30001)) + png_chunk(b"IEND", b""))
    write("huge.png", png)
    # One 66 KB entry and 100 bold keywords (took 82 s when each keyword was
    # searched again after every match).
    keys = ", ".join(["word"] + [f"wor{i}" for i in range(100)])
    write("many-keywords.yaml", "cv:\n  name: Ada Lovelace\n  sections:\n    notes:\n      - '" +
          "word " * 13_000 + "'\nsettings:\n  bold_keywords: [" + keys + "]\n")
    # 1,000 e-mail addresses: the header would run off the first page.
    write("many-emails.yaml", "cv:\n  name: Ada Lovelace\n  email:\n" +
          "".join(f"    - ada{i}@example.com\n" for i in range(1000)))
    # Strings of exactly the 64 KiB limit (valid) and one byte over.
    write("string-at-limit.yaml", "cv:\n  name: Ada Lovelace\n  location: " + "x" * 65536 + "\n")
    write("string-over-limit.yaml", "cv:\n  name: Ada Lovelace\n  location: " + "x" * 65537 + "\n")
    # A PNG whose image data is split by another chunk (IDAT, tEXt, IDAT):
    # libharu aborted the process on it.
    raw = zlib.compress(b"\0\x80\x80" * 2)  # 2 rows: filter byte + 2 pixels
    split = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)) +
             png_chunk(b"IDAT", raw[:4]) + png_chunk(b"tEXt", b"Comment\0x") +
             png_chunk(b"IDAT", raw[4:]) + png_chunk(b"IEND", b""))
    write("split-idat.png", split)
    write("photo-split-idat.yaml", "cv:\n  name: Ada Lovelace\n  photo: split-idat.png\n")
    # A 6000 x 6000 16-bit RGBA PNG: 36 megapixels (under the pixel limit) but
    # 288 MB decoded (over the decoded-bytes limit); the IDAT is never inflated.
    ihdr = struct.pack(">IIBBBBB", 6000, 6000, 16, 6, 0, 0, 0)
    write("deep16.png", b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) +
          png_chunk(b"IDAT", zlib.compress(b"\0" * 48001)) + png_chunk(b"IEND", b""))
    # A 4000 x 4000 8-bit RGB PNG (48 MB decoded, under the limit) with a
    # gradient: accepted and downsampled one row at a time, so the render
    # stays small in memory (issue 20, item 3).
    row = bytes(range(256)) * 46 + bytes(range(224))  # 12,000 bytes
    raw = b"".join(b"\0" + row for _ in range(4000))
    write("big8.png", b"\x89PNG\r\n\x1a\n" +
          png_chunk(b"IHDR", struct.pack(">IIBBBBB", 4000, 4000, 8, 2, 0, 0, 0)) +
          png_chunk(b"IDAT", zlib.compress(raw, 6)) + png_chunk(b"IEND", b""))
    # Symlinks out of the CV's folder.
    os.makedirs(os.path.join(out, "..", "outside"), exist_ok=True)
    secret = os.path.abspath(os.path.join(out, "..", "outside", "secret.png"))
    small = (b"\x89PNG\r\n\x1a\n" +
             png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) +
             png_chunk(b"IDAT", zlib.compress(b"\0\0")) + png_chunk(b"IEND", b""))
    with open(secret, "wb") as f:
        f.write(small)  # a valid image: refused for where it is, not what it is
    # A folder the "allowed" cases name with --allow-dir.
    os.makedirs(os.path.join(out, "..", "allowed"), exist_ok=True)
    with open(os.path.join(out, "..", "allowed", "photo.png"), "wb") as f:
        f.write(small)
    link = os.path.join(out, "link.png")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(secret, link)
    with open(os.path.join(out, "..", "secret.png"), "wb") as f:
        f.write(b"not read")
    # A FIFO named like a CV: reading it would wait for a writer forever.
    fifo = os.path.join(out, "fifo.yaml")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)


if __name__ == "__main__":
    main()
