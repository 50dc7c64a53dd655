#!/usr/bin/env python3
"""Writes a reproducible corpus of articles for the stress scripts (never committed, never in the suite).

usage: make-corpus.py <folder> <megabytes> [--article-kb N] [--seed S]

Articles are built from the sentences of tests/samples (so the bundled rules find things), about
--article-kb kilobytes each, 1,000 per folder, some with CRLF line ends or a UTF-8 BOM.
"""
import argparse, os, random, re, sys

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.join(here, "..", "samples")

ap = argparse.ArgumentParser()
ap.add_argument("folder")
ap.add_argument("megabytes", type=float)
ap.add_argument("--article-kb", type=float, default=8)
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()

sentences = []
for name in sorted(os.listdir(samples)):
    with open(os.path.join(samples, name), encoding="utf-8") as f:
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", f.read()) if len(s.strip()) > 3]

rng = random.Random(args.seed)
target = int(args.megabytes * 1024 * 1024)
written = files = 0
while written < target:
    size = max(200, int(rng.gauss(args.article_kb, args.article_kb / 3) * 1024))
    parts, n = [], 0
    while n < size:
        s = rng.choice(sentences)
        parts.append(s)
        parts.append("\n\n" if rng.random() < 0.2 else " ")
        n += len(s) + 1
    text = "".join(parts)
    if files % 3 == 0:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if files % 11 == 0:
        data = b"\xef\xbb\xbf" + data
    folder = os.path.join(args.folder, f"batch{files // 1000:04d}")
    if files % 1000 == 0:
        os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"article{files:07d}.txt"), "wb") as f:
        f.write(data)
    written += len(data)
    files += 1
print(f"{files} files, {written / 1048576:.1f} MiB in {args.folder}", file=sys.stderr)
