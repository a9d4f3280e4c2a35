package dev.portside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.portside.testing.OtherUser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real unprivileged user (nobody, through setpriv) runs Portside's CLI while this root JVM holds
 * a socket: the owner is hidden from that user, but the kernel still names the socket's user.
 */
class HiddenOwnerAsAnotherUserTest {

    @TempDir
    Path dir;

    @Test
    void nobodySeesARootHeldSocketAsHiddenUserRoot() throws Exception {
        OtherUser.assumeAvailable();
        try (ServerSocket rootHeld = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = rootHeld.getLocalPort();
            OtherUser.Result json = OtherUser.portside(Map.of(), "list", "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonObject mine = null;
            for (JsonElement e : JsonParser.parseString(json.out()).getAsJsonArray()) {
                if (e.getAsJsonObject().get("port").getAsInt() == port) {
                    mine = e.getAsJsonObject();
                }
            }
            assertThat(mine).as("port %d in %s", port, json.out()).isNotNull();
            assertThat(mine.get("pid").isJsonNull()).isTrue();
            assertThat(mine.get("user").getAsString()).isEqualTo("root");
            assertThat(mine.get("uid").getAsInt()).isZero();

            OtherUser.Result table = OtherUser.portside(Map.of(), "who", Integer.toString(port));
            assertThat(table.exitCode()).as(table.err()).isZero();
            assertThat(table.out()).contains("hidden (user root)")
                    .contains("The system says this socket belongs to the user root") // nobody is told how to see it
                    .contains("with sudo");
        }
    }

    @Test
    void aProcessThatSwitchedToNobodyFromRootIsHiddenFromNobodyAndFreeSaysWhyWithoutTellingNobodyToBeNobody()
            throws Exception {
        OtherUser.assumeAvailable();
        // As memcached -u nobody does: start as root, become nobody, then listen. The system then
        // protects the process from its new user (not dumpable: /proc/PID/fd stays root's), so nobody
        // sees a socket of its own user whose process it cannot look into.
        Process daemon = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import os, socket, sys",
                "os.setgid(65534); os.setuid(65534)",
                "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()",
                "print(s.getsockname()[1], flush=True)",
                "sys.stdin.read()")).start();
        try {
            int port = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader(
                    daemon.getInputStream())).readLine().strip());
            OtherUser.Result free = OtherUser.portside(Map.of(), "free", Integer.toString(port), "--yes");
            assertThat(free.exitCode()).as(free.err()).isEqualTo(1);
            assertThat(free.out()).contains("hidden (user nobody)",
                    "Port " + port + " is held by a process of your own user (nobody)", "with sudo")
                    .doesNotContain("Run Portside as nobody");
            assertThat(daemon.isAlive()).isTrue();
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void withoutPermissionOnTheEnginesSocketTheOutputSaysHowToGetIt() throws Exception {
        OtherUser.assumeAvailable();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // nobody may reach it
        Path engineDir = Files.createDirectories(dir.resolve("engine"));
        try (ServerSocketChannel engine = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                ServerSocket rootHeld = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Path socket = engineDir.resolve("docker.sock");
            engine.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(engineDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----")); // root:root, as docker.sock without the docker group
            OtherUser.Result who = OtherUser.portside(Map.of("DOCKER_HOST", "unix://" + socket),
                    "who", Integer.toString(rootHeld.getLocalPort()));
            assertThat(who.exitCode()).as(who.err()).isZero();
            assertThat(who.out()).contains("hidden (user root)", "your account may not use " + socket,
                    "Add yourself to the docker group");
        }
    }
}
