#!/usr/bin/env bash
# Start-up options side by side: the tool published each way, timed as a whole process on one small
# article and on --version (runtime start alone). The figures behind README "Benchmarks", start-up.
#   bash tests/TextLint.Benchmarks/startup-bench.sh [WORKDIR=/tmp/textlint-startup]
# Needs: hyperfine (apt-get install hyperfine) and, for Native AOT, clang or gcc. Prints a Markdown table.
set -euo pipefail
work=${1:-/tmp/textlint-startup}
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v hyperfine >/dev/null || { echo "missing hyperfine (apt-get install hyperfine)" >&2; exit 2; }
rid=$(dotnet msbuild "$root/src/TextLint.Cli" -getProperty:NETCoreSdkPortableRuntimeIdentifier)
small="$root/tests/samples/004_57ce9da7169ad2f1.txt"
rm -rf "$work" && mkdir -p "$work"

publish() { # name, publish arguments
  local name=$1; shift
  dotnet publish "$root/src/TextLint.Cli" -c Release -o "$work/$name" "$@" >/dev/null
}
publish jit -p:PublishAot=false -p:PublishReadyToRun=false                  # the portable package (TextLint.any)
publish r2r -r "$rid" --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true
publish r2r-composite -r "$rid" --self-contained true -p:PublishAot=false -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true
publish aot -r "$rid"                                                        # what the platform package ships
rm -f "$work"/aot/*.dbg "$work"/aot/*.pdb                                    # symbols stay out of the package

# name | command prefix (environment knobs for the runtime) | build
variants=(
  "JIT, tiered, PGO off (the portable package)||jit"
  "JIT, tiered PGO on|env DOTNET_TieredPGO=1|jit"
  "JIT, no quick JIT for loops|env DOTNET_TC_QuickJitForLoops=0|jit"
  "JIT, tiered compilation off|env DOTNET_TieredCompilation=0|jit"
  "ReadyToRun (framework-dependent)||r2r"
  "ReadyToRun composite (self-contained)||r2r-composite"
  "ReadyToRun composite, tiered compilation off|env DOTNET_TieredCompilation=0|r2r-composite"
  "Native AOT (the $rid package)||aot"
)
args=()
for v in "${variants[@]}"; do
  IFS='|' read -r name prefix build <<< "$v"
  args+=(-n "$name|small" "$prefix $work/$build/dotnet-textlint $small")
  args+=(-n "$name|version" "$prefix $work/$build/dotnet-textlint --version")
done
hyperfine -N --warmup 3 --runs "${RUNS:-20}" -i --export-json "$work/startup.json" "${args[@]}" >&2

python3 - "$work/startup.json" "$(du -sh "$work/jit" | cut -f1)" "$(du -sh "$work/r2r" | cut -f1)" "$(du -sh "$work/r2r-composite" | cut -f1)" "$(du -sh "$work/aot" | cut -f1)" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1]))["results"]:
    name, what = r["command"].rsplit("|", 1)
    rows.setdefault(name, {})[what] = r
size = {"jit": sys.argv[2], "r2r": sys.argv[3], "r2r-composite": sys.argv[4], "aot": sys.argv[5]}
print("| build | one small article: wall | user CPU | `--version` | on disk |\n|---|---|---|---|---|")
for name, r in rows.items():
    s, v = r["small"], r["version"]
    build = "aot" if "AOT" in name else "r2r-composite" if "composite" in name else "r2r" if "ReadyToRun" in name else "jit"
    print(f"| {name} | {s['mean']*1000:.0f} ms (± {s['stddev']*1000:.0f}) | {s['user']*1000:.0f} ms | {v['mean']*1000:.0f} ms | {size[build]} |")
PY
