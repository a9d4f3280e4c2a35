#!/usr/bin/env python3
"""Times the window's start-up of app images, interleaved: each image once per round (the order rotated
every round), ROUNDS rounds after one to warm up, each start with a new settings folder, under one
Xvfb of its own. Prints, per image, the median of the log line "first snapshot shown N ms after the JVM
started", the process's CPU time at that moment (user + system, from /proc), every start's figure, and
with --trace the median of each step of -Dportside.startupTrace (milliseconds after the JVM started and
the FX thread's CPU). docs/PERFORMANCE.md, "Fourth round: the window", compared builds with it:

    tools/window-starts.py --trace --quiet 12 /tmp/before/Portside target/dist/Portside \\
        "target/dist/Portside|-XX:+UseG1GC"

Each IMAGE is an app image's folder (its bin/Portside is started), optionally followed by | and JVM
options (given through JDK_JAVA_OPTIONS, so they come before the image's own options).

Two cores shared with builds make wall times swing by a third: --quiet waits (at most 60 s) before each
start until the machine has been idle for 0.4 s; starts run at nice -15 when run as root; --netns NAME
runs them in a network namespace (`ip netns exec NAME`) with a fixed set of listeners, so that other
people's test sockets do not change the table's rows (each row costs the first frame 10-15 ms).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

SHOWN = re.compile(r"first snapshot shown (\d+) ms")
STEP = re.compile(r"startup (\d+) ms: (.*) \[(.*), CPU (\d+) ms\]")


def busy_fraction(seconds=0.4):
    def read():
        return list(map(int, open("/proc/stat").readline().split()[1:]))
    a = read()
    time.sleep(seconds)
    d = [y - x for x, y in zip(a, read())]
    return 1 - (d[3] + d[4]) / max(1, sum(d))


def process_cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def start_once(image, options, display, args):
    config = tempfile.mkdtemp(prefix="portside-start-")
    env = dict(os.environ, DISPLAY=display, XDG_CONFIG_HOME=config)
    if args.trace:
        options = "-Dportside.startupTrace=true " + options
    if options.strip():
        env["JDK_JAVA_OPTIONS"] = options
    command = [os.path.join(image, "bin", "Portside")]
    if os.geteuid() == 0:
        command = ["nice", "-n", "-15"] + command
    if args.netns:
        command = ["ip", "netns", "exec", args.netns] + command
    p = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    shown, cpu, steps = None, None, {}
    try:
        for line in p.stdout:
            m = STEP.search(line)
            if m:
                steps[f"{m.group(2)} [{m.group(3)}]"] = (int(m.group(1)), int(m.group(4)))
            m = SHOWN.search(line)
            if m:
                shown, cpu = int(m.group(1)), process_cpu_ms(p.pid)
                break
    finally:
        p.terminate()
        p.wait()
        shutil.rmtree(config, ignore_errors=True)
    return shown, cpu, steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rounds", type=int)
    parser.add_argument("images", nargs="+", metavar="IMAGE[|OPTIONS]")
    parser.add_argument("--trace", action="store_true", help="the start-up steps too")
    parser.add_argument("--quiet", action="store_true", help="wait for an idle machine before each start")
    parser.add_argument("--netns", help="run the starts in this network namespace")
    parser.add_argument("--display", default=":93")
    args = parser.parse_args()
    runs = [(i.partition("|")[0], i.partition("|")[2]) for i in args.images]
    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = "/tmp/.X11-unix/X" + args.display.lstrip(":")
    for _ in range(100):
        if os.path.exists(socket):
            break
        time.sleep(0.05)
    results = {i: ([], [], {}) for i in range(len(runs))}
    load = os.getloadavg()[0]
    try:
        for r in range(args.rounds + 1):
            order = list(range(len(runs)))
            order = order[r % len(order):] + order[:r % len(order)]
            for i in order:
                if args.quiet:
                    waited = time.time()
                    while busy_fraction() > 0.08 and time.time() - waited < 60:
                        pass
                shown, cpu, steps = start_once(runs[i][0], runs[i][1], args.display, args)
                if r > 0 and shown is not None:
                    results[i][0].append(shown)
                    results[i][1].append(cpu)
                    for k, v in steps.items():
                        results[i][2].setdefault(k, []).append(v)
    finally:
        xvfb.terminate()
    print(f"load average {load:.2f} -> {os.getloadavg()[0]:.2f}; {args.rounds} rounds after one to warm up")
    for i, (image, options) in enumerate(runs):
        shown, cpu, steps = results[i]
        if not shown:
            print(f"{image} {options}: no start showed its table")
            continue
        print(f"{image} {options}\n  first filled frame {statistics.median(shown):.0f} ms, process CPU "
              f"{statistics.median(cpu):.0f} ms; each start: {sorted(shown)}")
        for step, values in sorted(steps.items(), key=lambda kv: statistics.median([v[0] for v in kv[1]])):
            print(f"  {statistics.median([v[0] for v in values]):6.0f} ms, FX CPU "
                  f"{statistics.median([v[1] for v in values]):5.0f} ms  {step}")


if __name__ == "__main__":
    main()
