package dev.portside.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.SocketKey;
import dev.portside.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where {@code ss} exists, the fast path lists the same sockets with the same owner pids as
 * {@code ss -H -ltunp}, for the whole machine. Other programs open and close sockets meanwhile, so
 * a comparison counts only when two scans around the {@code ss} run agree with each other.
 */
class LinuxScannerMatchesSsTest {

    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    @Test
    void fastPathEqualsSs() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        Path ss = Path.of("/usr/bin/ss").toFile().canExecute() ? Path.of("/usr/bin/ss") : Path.of("/bin/ss");
        assumeTrue(Files.isExecutable(ss), "ss is not installed");
        SocketSource source;
        try {
            source = new NetlinkSocketSource();
        } catch (ScanException e) {
            source = new ProcNetSocketSource("/proc");
        }
        try (ChildJvm child = ChildJvm.start("tcp", "tcp6", "udp");
                LinuxPortScanner fast = new LinuxPortScanner(source, "/proc", Clock.systemUTC(), System::nanoTime,
                        Duration.ZERO, Duration.ofDays(1))) {
            Map<SocketKey, Set<Integer>> ours = Map.of();
            Map<SocketKey, Set<Integer>> theirs = Map.of();
            for (int attempt = 0; attempt < 20; attempt++) {
                Map<SocketKey, Set<Integer>> before = keys(fast.scan().sockets());
                theirs = ss(ss);
                ours = keys(fast.scan().sockets());
                if (before.equals(ours) && ours.equals(theirs)) {
                    break;
                }
            }
            assertThat(ours).isEqualTo(theirs).containsKey(new SocketKey(Protocol.TCP,
                    IpAddress.parse("::ffff:127.0.0.1"), child.port()));
            assertThat(ours.get(new SocketKey(Protocol.TCP, IpAddress.parse("::ffff:127.0.0.1"), child.port())))
                    .containsExactly((int) child.pid());
        }
    }

    private static Map<SocketKey, Set<Integer>> keys(Iterable<ListeningSocket> sockets) {
        Map<SocketKey, Set<Integer>> m = new TreeMap<>();
        for (ListeningSocket s : sockets) {
            m.computeIfAbsent(s.key(), k -> new TreeSet<>()).addAll(s.owners().stream().map(ProcessInfo::pid).toList());
        }
        return m;
    }

    /** "tcp LISTEN 0 128 [::1]:5173 [::]:* users:((...,pid=1,fd=3))" rows by key. */
    private static Map<SocketKey, Set<Integer>> ss(Path ss) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ss.toString(), "-H", "-ltunp").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<SocketKey, Set<Integer>> m = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            Protocol protocol = f[0].equals("tcp") ? Protocol.TCP : Protocol.UDP;
            String local = f[4];
            int colon = local.lastIndexOf(':');
            String host = local.substring(0, colon);
            int percent = host.indexOf('%');
            if (percent >= 0) {
                host = host.substring(0, percent) + (host.endsWith("]") ? "]" : "");
            }
            IpAddress address = host.equals("*") ? IpAddress.IPV6_ANY : IpAddress.parse(host);
            SocketKey key = new SocketKey(protocol, address, Integer.parseInt(local.substring(colon + 1)));
            Set<Integer> pids = m.computeIfAbsent(key, k -> new TreeSet<>());
            Matcher pid = PID.matcher(line);
            while (pid.find()) {
                pids.add(Integer.valueOf(pid.group(1)));
            }
        }
        return m;
    }
}
