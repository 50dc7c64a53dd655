#!/usr/bin/env python3
# Wall-clock and CPU of several commands, run in turn (A B C A B C ...) so that a machine that speeds up
# or slows down during the measurement (a shared VM does, by 20% and more) weighs on all of them alike.
# One warm-up round is not counted. Prints the median wall time and user+system CPU of each command.
#
#   python3 tests/TextLint.Benchmarks/alternate.py RUNS "label=[VAR=value ...] command args" ...
#
# e.g. python3 tests/TextLint.Benchmarks/alternate.py 10 "pack=$TL -j 1 --format sarif -o /tmp/a.sarif corpus" \
#        "old=$TL -j 1 --no-default-rules --rules old/rules --format sarif -o /tmp/b.sarif corpus"
import sys, subprocess, time, os, resource, statistics
runs=int(sys.argv[1]); cmds=[a.split('=',1) for a in sys.argv[2:]]
res={l:[] for l,_ in cmds}
for r in range(runs+1):
    for label,cmd in cmds:
        env=dict(os.environ)
        parts=cmd.split()
        while parts and '=' in parts[0] and not parts[0].startswith('/'):
            k,v=parts.pop(0).split('=',1); env[k]=v
        t0=time.perf_counter(); ru0=resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(parts,env=env,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
        t1=time.perf_counter(); ru1=resource.getrusage(resource.RUSAGE_CHILDREN)
        if r>0: res[label].append((t1-t0,(ru1.ru_utime-ru0.ru_utime)+(ru1.ru_stime-ru0.ru_stime)))
for label,_ in cmds:
    w=statistics.median(x[0] for x in res[label]); c=statistics.median(x[1] for x in res[label])
    print(f"{label:12s} wall {w:.3f} s  cpu {c:.3f} s  (min cpu {min(x[1] for x in res[label]):.3f})")
