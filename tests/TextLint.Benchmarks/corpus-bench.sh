#!/usr/bin/env bash
# Whole-corpus benchmark: the installed tool with the bundled pack vs ripgrep with the pack's lexicon.
#   bash tests/TextLint.Benchmarks/corpus-bench.sh [MEGABYTES=20] [WORKDIR=/tmp/textlint-bench]
# Needs: ripgrep, hyperfine, GNU time (apt-get install ripgrep hyperfine time). Prints a Markdown table.
set -euo pipefail
mb=${1:-20}
work=${2:-/tmp/textlint-bench}
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in rg hyperfine /usr/bin/time; do command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install ripgrep hyperfine time)" >&2; exit 2; }; done
mkdir -p "$work"

# 1. The real package, installed with dotnet tool install (a unique version so NuGet's cache cannot serve a stale one):
#    what users get (this platform's Native AOT package), and the portable 'any' package for comparison.
version="0.0.0-bench.$(date +%s)"
rm -rf "$work/pkg" "$work/tool" "$work/tool-any"
dotnet pack "$root" -c Release -o "$work/pkg" -p:Version="$version" ${PACK_ARGS:-} >/dev/null
dotnet tool install TextLint --tool-path "$work/tool" --add-source "$work/pkg" --version "$version" >/dev/null
dotnet tool install TextLint.any --tool-path "$work/tool-any" --add-source "$work/pkg" --version "$version" >/dev/null
textlint="$work/tool/dotnet-textlint"
portable="$work/tool-any/dotnet-textlint"
installed=$(cd "$work/tool/.store/textlint/$version" && ls -d textlint.*/ | tr -d /)

# 2. A deterministic corpus from the seed articles (never committed).
corpus="$work/corpus-${mb}mb"
if [ ! -d "$corpus" ]; then
  dotnet run -c Release --project "$root/tests/TextLint.Benchmarks" -- generate-corpus "$corpus" "$mb" >&2
fi
bytes=$(du -sb "$corpus" | cut -f1)
files=$(find "$corpus" -type f | wc -l)
small=$(find "$corpus" -name '*.txt' -size -4k | sort | sed -n 1p) # sed reads all: head would end sort with SIGPIPE under pipefail

# 3. The pack's literal lexicon for ripgrep.
dotnet run -c Release --project "$root/tests/TextLint.Benchmarks" -- lexicon > "$work/lexicon.txt"
phrases=$(wc -l < "$work/lexicon.txt")

# 4. Timings.
hyperfine -N --warmup 1 --runs ${RUNS:-5} -i --export-json "$work/corpus.json" \
  -n ripgrep "rg -c -i -w -F -f $work/lexicon.txt $corpus" \
  -n textlint "$textlint $corpus --format sarif -o $work/out.sarif" >&2
hyperfine -N --warmup 3 --runs ${RUNS_SMALL:-20} -i --export-json "$work/small.json" \
  -n small "$textlint $small" -n version "$textlint --version" -n portable "$portable $small" >&2
/usr/bin/time -v "$textlint" "$corpus" --format sarif -o "$work/out.sarif" 2> "$work/time.txt" >/dev/null || true
rss_kb=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')

python3 - "$work" "$bytes" "$files" "$rss_kb" "$phrases" "$installed" <<'PY'
import json, sys
work, size, files, rss, phrases, installed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
res = {r["command"]: r for r in json.load(open(f"{work}/corpus.json"))["results"]}
start = {r["command"]: r for r in json.load(open(f"{work}/small.json"))["results"]}
small = start["small"]
mb = size / 1e6
rg, tl = res["ripgrep"]["mean"], res["textlint"]["mean"]
print(f"| measure | value |\n|---|---|")
print(f"| corpus | {mb:.1f} MB, {files} files |")
print(f"| ripgrep, {phrases}-phrase lexicon | {rg:.3f} s ({mb/rg:.0f} MB/s) |")
print(f"| textlint, bundled pack, SARIF written | {tl:.3f} s ({mb/tl:.0f} MB/s, {files/tl:.0f} files/s) |")
print(f"| textlint / ripgrep | {tl/rg:.2f}x |")
print(f"| peak memory (RSS) | {rss/1024:.0f} MB |")
print(f"| one small file, whole process ({installed}) | {small['mean']*1000:.0f} ms (± {small['stddev']*1000:.0f}; user {small['user']*1000:.0f} ms) |")
print(f"| `--version` alone (runtime start) | {start['version']['mean']*1000:.0f} ms |")
print(f"| one small file, portable package (textlint.any, JIT) | {start['portable']['mean']*1000:.0f} ms (± {start['portable']['stddev']*1000:.0f}) |")
PY
