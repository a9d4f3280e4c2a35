#!/usr/bin/env python3
"""Times whole commands interleaved: each command once per round (the order rotated every round),
ROUNDS rounds after two warm-up rounds; prints the median wall time and the median CPU time (user +
system of the child, from wait4) of each, and its ratio to the first command's wall time.
docs/PERFORMANCE.md, "Third round", used it to compare app images with lsof:

    tools/interleave.py 15 "lsof=lsof -nP -iTCP:5432 -sTCP:LISTEN" \\
        "free=target/dist/Portside/bin/Portside free 5432" "who=target/dist/Portside/bin/Portside who 5432"

Each argument is LABEL=COMMAND (run by /bin/sh, standard input, output and errors closed). The
load average at the start and at the end is printed too: on a shared machine wall times follow it,
CPU times much less.
"""
import os
import statistics
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 3 or not argv[1].isdigit() or any("=" not in a for a in argv[2:]):
        sys.exit("usage: interleave.py ROUNDS LABEL=COMMAND [LABEL=COMMAND ...]")
    rounds = int(argv[1])
    commands = [a.split("=", 1) for a in argv[2:]]
    wall = {label: [] for label, _ in commands}
    cpu = {label: [] for label, _ in commands}
    load_before = os.getloadavg()[0]
    for r in range(rounds + 2):
        shift = r % len(commands)
        for label, command in commands[shift:] + commands[:shift]:
            start = time.perf_counter()
            p = subprocess.Popen(command, shell=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(p.pid, 0)
            took = (time.perf_counter() - start) * 1000
            if r >= 2:
                wall[label].append(took)
                cpu[label].append((usage.ru_utime + usage.ru_stime) * 1000)
    print(f"load average {load_before:.2f} -> {os.getloadavg()[0]:.2f}; {rounds} rounds after 2 warm-up rounds")
    first = statistics.median(wall[commands[0][0]])
    for label, _ in commands:
        m = statistics.median(wall[label])
        print(f"{label:24s} wall {m:7.1f} ms   cpu {statistics.median(cpu[label]):7.1f} ms   {m / first:4.1f}x"
              f"   (wall {min(wall[label]):.1f}-{max(wall[label]):.1f})")


if __name__ == "__main__":
    main(sys.argv)
