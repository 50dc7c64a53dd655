#!/usr/bin/env python3
"""Language server latency and memory: the figures behind docs/editors.md "Performance".

Starts `<exe> server --debounce <ms>`, opens a 15 KB article (tests/samples/001_...txt, as Markdown),
then makes N incremental edits one after another, as typing does (insert a word in the middle, then
delete it, so the text stays 15 KB). For each edit it times didChange -> the publishDiagnostics of that
version, and reports the median / p90 / max, minus the debounce. The server's resident memory (VmRSS)
is read after the open and after every 100 edits: flat means no leak per edit.

  python3 tests/TextLint.Benchmarks/lsp-bench.py <server executable> [--edits 1000] [--debounce 0]
"""
import argparse, json, os, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ap = argparse.ArgumentParser()
ap.add_argument("exe")
ap.add_argument("--edits", type=int, default=1000)
ap.add_argument("--debounce", type=int, default=0)
ap.add_argument("--article", default=os.path.join(root, "tests", "samples", "001_9885b14fcafa1d3d.txt"))
args = ap.parse_args()

text = open(args.article, encoding="utf-8").read()
work = os.path.dirname(os.path.abspath(args.article))
uri = "file://" + os.path.join(work, "bench-article.md")
p = subprocess.Popen([args.exe, "server", "--debounce", str(args.debounce)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=work)

def send(m):
    b = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
    p.stdin.flush()

def recv():
    headers = b""
    while not headers.endswith(b"\r\n\r\n"):
        c = p.stdout.read(1)
        if not c: raise SystemExit("the server closed its output")
        headers += c
    n = int([h for h in headers.decode().split("\r\n") if h.lower().startswith("content-length")][0].split(":")[1])
    return json.loads(p.stdout.read(n))

def wait_publish(version):
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version:
            return m["params"]["diagnostics"]

def rss_kib():
    with open(f"/proc/{p.pid}/status") as f:
        return int(next(l for l in f if l.startswith("VmRSS")).split()[1])

t0 = time.perf_counter()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": "file://" + work, "capabilities": {}}})
while "id" not in recv(): pass
init_ms = (time.perf_counter() - t0) * 1000
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
t0 = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
first = wait_publish(1)
open_ms = (time.perf_counter() - t0) * 1000

lines = text.split("\n")
line = len(lines) // 2
word = "very "
latencies, memory = [], [(0, rss_kib())]
for i in range(args.edits):
    version = i + 2
    if i % 2 == 0:
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": word}
    else:
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": len(word)}}, "text": ""}
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    wait_publish(version)
    latencies.append((time.perf_counter() - t) * 1000 - args.debounce)
    if (i + 1) % 100 == 0: memory.append((i + 1, rss_kib()))

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
while recv().get("id") != 2: pass
send({"jsonrpc": "2.0", "method": "exit"})
p.wait(10)

q = statistics.quantiles(latencies, n=10)
print(f"article: {len(text.encode('utf-8')):,} bytes, {len(first)} diagnostics; debounce {args.debounce} ms; {args.edits} edits")
print(f"initialize: {init_ms:.0f} ms; open -> first diagnostics: {open_ms:.0f} ms (includes compiling the rule set)")
print(f"didChange -> publishDiagnostics, after the debounce: median {statistics.median(latencies):.1f} ms, p90 {q[8]:.1f} ms, min {min(latencies):.1f} ms, max {max(latencies):.1f} ms")
print("resident memory (MiB) after N edits: " + ", ".join(f"{n}: {kib / 1024:.1f}" for n, kib in memory))
