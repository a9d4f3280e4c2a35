package dev.portside.scan;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * What the parts of a poll cost when they run once a second, as in the app, against back to back,
 * as in the scanner benchmark: CPU time of this thread per step, median of the last two thirds.
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/classes:target/test-classes:DEPS \
 *     dev.portside.scan.WakeCost [SLEEP_MS] [ROUNDS]</pre>
 *
 * <p>On the machine of docs/PERFORMANCE.md (a virtual machine inside another one) every step costs
 * 100 to 500 times more after a second asleep than back to back, even a step that does nothing:
 * there, the cost of a poll at one per second is set by waking up, not by the poll's own work.
 */
public final class WakeCost {

    private WakeCost() {
    }

    public static void main(String[] args) throws Exception {
        long sleep = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        NetlinkSocketSource netlink = new NetlinkSocketSource();
        ProcNetSocketSource procNet = new ProcNetSocketSource("/proc");
        SocketRows rows = new SocketRows();
        ProcFs fs = new ProcFs("/proc");
        LinuxPortScanner scanner = LinuxPortScanner.netlink();
        String self = "/proc/" + ProcessHandle.current().pid() + "/stat";
        String[] steps = {"nothing", "allocate 20 KB", "read /proc/PID/stat 3 times", "netlink dump",
            "/proc/net parse", "whole poll"};
        for (int step = 0; step < steps.length; step++) {
            double[] cpu = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
                long c0 = mx.getCurrentThreadCpuTime();
                switch (step) {
                    case 1 -> {
                        byte[][] x = new byte[200][];
                        for (int k = 0; k < x.length; k++) {
                            x[k] = new byte[100];
                        }
                    }
                    case 2 -> {
                        for (int k = 0; k < 3; k++) {
                            fs.read(self);
                        }
                    }
                    case 3 -> {
                        rows.clear();
                        netlink.read(rows);
                    }
                    case 4 -> {
                        rows.clear();
                        procNet.read(rows);
                    }
                    case 5 -> scanner.scan();
                    default -> {
                    }
                }
                cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            double[] tail = Arrays.copyOfRange(cpu, rounds / 3, rounds);
            Arrays.sort(tail);
            System.out.printf("%-28s every %4d ms: %8.3f ms CPU (median)%n", steps[step], sleep, tail[tail.length / 2]);
        }
        netlink.close();
        scanner.close();
    }
}
