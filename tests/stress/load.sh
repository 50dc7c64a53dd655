#!/usr/bin/env bash
# Load test: lints a generated 100 MB corpus and a 1 GB one (10x) with the Release build and compares
# peak memory. Files are streamed (the walk lists one folder at a time, the runner keeps a bounded
# window of files and bytes ahead of the writer, SARIF is written as it goes), so peak RSS at 10x the
# corpus must stay within a small margin of 1x. Nothing is committed; the corpora live in a temp folder.
#
# usage: tests/stress/load.sh [small-MB=100] [factor=10] [max-ratio=1.15]
#        TOOL=/path/to/dotnet-textlint tests/stress/load.sh   (e.g. the installed Native AOT binary users get;
#        default: the Release build of this source, JIT)
# needs: GNU time (/usr/bin/time; apt-get install time), bc
# The corpora come from the benchmarks' deterministic generator (tests/TextLint.Benchmarks).
set -euo pipefail
cd "$(dirname "$0")/../.."
small=${1:-100}; factor=${2:-10}; max_ratio=${3:-1.15}
large=$((small * factor))
[ -x /usr/bin/time ] || { echo "load.sh: needs GNU time (apt-get install time)" >&2; exit 2; }

if [ -n "${TOOL:-}" ]; then
  tool=$TOOL
else
  dotnet build src/TextLint.Cli -c Release -nologo -v quiet >/dev/null
  tool=src/TextLint.Cli/bin/Release/net10.0/dotnet-textlint
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/textlint-load.XXXXXX")
trap '[ "${KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT

generate() { dotnet run -c Release --project tests/TextLint.Benchmarks -- generate-corpus "$1" "$2" >&2; }
generate "$work/small" "$small"
generate "$work/large" "$large"

# run <label> <corpus> <args...>: prints "label  MiB  files  wall-s  peak-RSS-MiB" and records the RSS.
declare -A rss
run() {
  local label=$1 corpus=$2; shift 2
  local files mib wall kb
  files=$(find "$corpus" -type f | wc -l)
  mib=$(du -sm --apparent-size "$corpus" | cut -f1)
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$tool" "$corpus" "$@" >/dev/null 2>&1 || true
  read -r wall kb <"$work/time.txt"
  rss[$label]=$kb
  printf '%-16s %8s MiB %9s files %8.1f s %8.1f MiB peak RSS\n' "$label" "$mib" "$files" "$wall" "$(echo "$kb / 1024" | bc -l)"
}

echo "corpus           size           files       wall       peak memory"
run "small sarif"   "$work/small" --format sarif -o "$work/small.sarif"
run "large sarif"   "$work/large" --format sarif -o "$work/large.sarif"
run "small console" "$work/small"
run "large console" "$work/large"

status=0
for f in sarif console; do
  ratio=$(echo "${rss[large $f]} / ${rss[small $f]}" | bc -l)
  printf '%s: peak RSS at %sx the corpus = %.2fx the small run (limit %sx)\n' "$f" "$factor" "$ratio" "$max_ratio"
  if (( $(echo "$ratio > $max_ratio" | bc -l) )); then status=1; fi
done
exit $status
