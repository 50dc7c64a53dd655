#!/usr/bin/env bash
# --cache: a cold run (empty cache), a warm run (nothing changed) and a run with one file edited, against
# no cache, on the generated benchmark corpus; checks that every cached SARIF log is byte-identical to
# the uncached one.
#   bash tests/TextLint.Benchmarks/cache-bench.sh [MEGABYTES=20] [WORKDIR=/tmp/textlint-cache-bench] [RUNS=5]
# TEXTLINT=path/to/dotnet-textlint uses that build (e.g. corpus-bench.sh's installed Native AOT tool);
# by default the Release build of src/TextLint.Cli (JIT) is built and used. Prints a Markdown table.
set -euo pipefail
mb=${1:-20}
work=${2:-/tmp/textlint-cache-bench}
runs=${3:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$work"
if [ -z "${TEXTLINT:-}" ]; then
  dotnet build -c Release "$root/src/TextLint.Cli" >/dev/null
  TEXTLINT="$root/src/TextLint.Cli/bin/Release/net10.0/dotnet-textlint"
fi
corpus="$work/corpus-${mb}mb"
if [ ! -d "$corpus" ]; then
  dotnet run -c Release --project "$root/tests/TextLint.Benchmarks" -- generate-corpus "$corpus" "$mb" >&2
fi
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
cache="$work/cache"
cd "$work"
find "$corpus" -type f | sort > "$work/files.txt"
one=$(head -1 "$work/files.txt")

# "wall cpu": the medians of wall time and of user+system CPU (seconds) over $runs runs of "$@", each
# after running $prepare. CPU is the steadier figure on a shared machine.
median() {
  local prepare=$1; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    eval "$prepare"
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
    read -r wall user sys < <(tail -1 "$work/time.txt")
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc)")
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

"$TEXTLINT" "$corpus" --format sarif -o "$work/fresh.sarif" --no-source-root || true
rm -rf "$cache"
"$TEXTLINT" "$corpus" --format sarif -o "$work/cold.sarif" --no-source-root --cache-location "$cache" || true
"$TEXTLINT" "$corpus" --format sarif -o "$work/warm.sarif" --no-source-root --cache-location "$cache" || true
cmp "$work/fresh.sarif" "$work/cold.sarif"
cmp "$work/fresh.sarif" "$work/warm.sarif"
entries=$(find "$cache" -type f ! -name .gitignore | wc -l)
cache_bytes=$(du -sb "$cache" | cut -f1)

lint=("$TEXTLINT" "$corpus" --format sarif -o "$work/out.sarif" --no-source-root)
none=$(median ":" "${lint[@]}")
cold=$(median "rm -rf '$cache'" "${lint[@]}" --cache-location "$cache")
warm=$(median ":" "${lint[@]}" --cache-location "$cache")
edited=$(median "echo 'He reportedly left.' >> '$one'" "${lint[@]}" --cache-location "$cache")
cmp "$work/out.sarif" <("$TEXTLINT" "$corpus" --format sarif --no-source-root) && identical=yes || identical=NO

python3 - "$files" "$bytes" "$none" "$cold" "$warm" "$edited" "$entries" "$cache_bytes" "$identical" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
files, size, none, cold, warm, edited, entries, cache_bytes, identical, load = sys.argv[1:]
(nw, nc), (cw, cc), (ww, wc), (ew, ec) = [tuple(map(float, x.split())) for x in (none, cold, warm, edited)]
print("| run (20 MB corpus, SARIF written) | wall | user+sys CPU |\n|---|---|---|")
print(f"| no cache | {nw:.2f} s | {nc:.2f} s |")
print(f"| --cache, cold (empty: lint and write every entry) | {cw:.2f} s | {cc:.2f} s ({cc/nc:.2f}x) |")
print(f"| --cache, warm (nothing changed) | {ww:.2f} s | {wc:.2f} s ({nc/wc:.1f}x less) |")
print(f"| --cache, one file edited | {ew:.2f} s | {ec:.2f} s |")
print(f"\ncorpus {int(size)/1e6:.1f} MB, {files} files; cache {entries} entries, {int(cache_bytes)/1e6:.1f} MB; "
      f"SARIF of every cached run identical to the uncached one: {identical}; load average {load} at the end")
PY
