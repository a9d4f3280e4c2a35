package dev.portside.scan;

import dev.portside.core.ListeningSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Run as an ordinary user by {@code OneShotScanTest}: a /proc in a temporary folder with one
 * listener (port 5432) held by two processes, where the fd folder of pid 100 may be listed but its
 * links not read (no search right: what the kernel answers for a process one may not trace), and
 * that of pid 200 may. Prints the owners the one-shot scan finds and how many fd links it read.
 */
public final class RefusedFdLinksMain {

    private RefusedFdLinksMain() {
    }

    public static void main(String[] args) throws Exception {
        Path proc = Files.createTempDirectory("refused-proc");
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), String.join("\n",
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534        0 41213 1 "
                        + "0000000000000000 100 0 0 10 0", ""));
        Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\n");
        for (int pid : new int[] {100, 200}) {
            Path dir = Files.createDirectories(proc.resolve(pid + "/fd"));
            Files.writeString(proc.resolve(pid + "/stat"),
                    pid + " (srv) S 1 " + pid + " " + pid + " 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 12345 1000 100\n");
            Files.writeString(proc.resolve(pid + "/cmdline"), "srv\0--port\0" + "5432\0");
            Files.writeString(proc.resolve(pid + "/status"), "Name:\tsrv\nUid:\t65534\t65534\t65534\t65534\n");
            for (int fd = 0; fd < 3; fd++) {
                Files.createSymbolicLink(dir.resolve(String.valueOf(fd)), Path.of(fd == 2 ? "socket:[41213]" : "/dev/null"));
            }
        }
        Files.setPosixFilePermissions(proc.resolve("100/fd"), PosixFilePermissions.fromString("r--r--r--"));
        try (LinuxPortScanner scanner = OneShotScan.proc(proc.toString(), 5432)) {
            List<ListeningSocket> sockets = scanner.scan().onPort(5432);
            StringBuilder owners = new StringBuilder();
            for (ListeningSocket s : sockets) {
                s.owners().forEach(o -> owners.append(o.pid()).append(' '));
            }
            System.out.println("sockets=" + sockets.size() + " owners=" + owners.toString().trim() + " linkReads="
                    + scanner.linkReads());
        } finally {
            Files.setPosixFilePermissions(proc.resolve("100/fd"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
