#!/usr/bin/env bash
# The issue's hostile tree at full size: 100,000 small files next to every kind of hostile entry.
# The test suite runs the same tree with fewer small files (HostileInputTests); this is the full run.
#
# usage: tests/stress/hostile-tree.sh [small-files=100000]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
dotnet build src/TextLint.Cli -c Release -nologo -v quiet >/dev/null
tool=$PWD/src/TextLint.Cli/bin/Release/net10.0/dotnet-textlint
work=$(mktemp -d "${TMPDIR:-/tmp}/textlint-hostile.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

python3 - "$count" <<'PY'
import os, sys
count = int(sys.argv[1])
os.makedirs("tree", exist_ok=True)
open("tree/empty.txt", "w").close()
open("tree/binary.txt", "wb").write(b"PK\x03\x04\x00\x00\xff\xfe\x00\x01")
open("tree/damaged.txt", "wb").write("Caf\u00e9 owners \u201creportedly\u201d left ".encode() + b"\xff" + "the na\u00efve city.\n".encode())
line = "The minister spoke at length about the budget. " * (20_000_000 // 48)
open("tree/one-line.txt", "w").write(line + "He reportedly left.")
for i in range(count):
    d = f"tree/many/{i // 1000:03d}"
    if i % 1000 == 0: os.makedirs(d, exist_ok=True)
    open(f"{d}/f{i:06d}.txt", "w").write(f"Story {i}: he reportedly left.\n")
deep = "tree/deep/" + "/".join(["d"] * 300)
os.makedirs(deep)
open(deep + "/bottom.txt", "w").write("Deep down, it reportedly rained.\n")
os.makedirs("tree/x.txt")
open("tree/x.txt/inside.txt", "w").write("It reportedly holds one.\n")
os.makedirs("tree/loop")
os.symlink("..", "tree/loop/up")
os.mkfifo("tree/fifo.txt")
with open("tree/huge.txt", "wb") as f: f.truncate(50 * 1024 * 1024 + 1)
os.symlink(os.path.abspath("deleted.txt"), "gone.txt")
os.symlink("/dev/zero", "zero.txt")
PY
mknod tree/null.txt c 1 3 2>/dev/null || echo "(not root: no device file in the tree)"

start=$(date +%s.%N)
set +e
timeout 600 "$tool" tree gone.txt zero.txt --format sarif -o report.sarif 2>stderr.txt
code=$?
set -e
end=$(date +%s.%N)
results=$(grep -c '"ruleId"' report.sarif || true)
printf 'exit %s in %.1f s; %s results; %s notifications on stderr:\n' "$code" "$(echo "$end - $start" | bc -l)" "$results" "$(wc -l <stderr.txt)"
cat stderr.txt
[ "$code" -eq 2 ] || { echo "expected exit 2" >&2; exit 1; }
[ "$results" -ge "$count" ] || { echo "expected at least $count results" >&2; exit 1; }
echo "ok"
