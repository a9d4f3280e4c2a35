package dev.portside.ui.control;

import static dev.portside.testing.FakeScanner.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.portside.format.SocketCsv;
import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.ui.control.ExportViewModel.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlAndExportTest {

    @TempDir
    Path dir;

    /** Records what the toolbar asked of the polling. */
    private static final class FakePolling implements PollControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void setPaused(boolean paused) {
            calls.add("paused=" + paused);
        }

        @Override
        public void setInterval(Duration interval) {
            calls.add("interval=" + interval.toMillis());
        }

        @Override
        public void pollNow() {
            calls.add("now");
        }
    }

    @Test
    void choicesMadeBeforeAttachingArePassedOnThenEveryChange() {
        ControlViewModel control = new ControlViewModel();
        control.intervalProperty().set(Duration.ofSeconds(5));
        FakePolling polling = new FakePolling();
        control.attach(polling);
        assertThat(polling.calls).containsExactly("interval=5000", "paused=false");

        control.togglePaused();
        control.refreshNow();
        control.togglePaused();
        control.intervalProperty().set(Duration.ofMillis(500));
        assertThat(polling.calls).containsExactly("interval=5000", "paused=false", "paused=true", "now",
                "paused=false", "interval=500");
    }

    @Test
    void anyStoredIntervalBecomesTheNearestOffered() {
        assertThat(ControlViewModel.nearestInterval(Duration.ofMillis(400))).isEqualTo(Duration.ofMillis(500));
        assertThat(ControlViewModel.nearestInterval(Duration.ofMillis(1900))).isEqualTo(Duration.ofSeconds(2));
        assertThat(ControlViewModel.nearestInterval(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(ControlViewModel.nearestInterval(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ControlViewModel.nearestInterval(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ControlBarView.seconds(Duration.ofMillis(500))).isIn("0.5", "0,5");
        assertThat(ControlBarView.seconds(Duration.ofSeconds(2))).isEqualTo("2");
    }

    private static final ListeningSocket TRICKY = new ListeningSocket(Protocol.TCP, IpAddress.IPV6_LOOPBACK.family(),
            IpAddress.IPV6_LOOPBACK, 8080, List.of(new ProcessInfo(4242, "my, \"server\"", "/opt/s",
                    "serve --name \"a,b\"\n--x", "dev", null, 1)));

    @Test
    void csvQuotesWhatNeedsQuoting() {
        String csv = SocketCsv.toCsv(List.of(tcp("127.0.0.1", 3000, 7, "node"), TRICKY, tcp("0.0.0.0", 80, 0, "")));
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("protocol,family,address,port,category,scope,pid,process,user,commandLine,pids,"
                + "owner,certainty,container,unit,project");
        assertThat(lines[1]).isEqualTo("tcp,ipv4,127.0.0.1,3000,registered,loopback,7,node,dev,node --serve,7,,unknown,,,");
        assertThat(csv).contains("tcp,ipv6,::1,8080,registered,loopback,4242,\"my, \"\"server\"\"\",dev,"
                + "\"serve --name \"\"a,b\"\"\n--x\",4242,,unknown,,,\r\n");
        assertThat(csv).endsWith("tcp,ipv4,0.0.0.0,80,well-known,all-interfaces,,,,,,,unknown,,,\r\n");
        assertThat(SocketCsv.quote("plain")).isEqualTo("plain");
        assertThat(SocketCsv.quote("a\rb")).isEqualTo("\"a\rb\"");
    }

    @Test
    void exportWritesInTheBackgroundAndTellsTheOutcome() throws Exception {
        List<String> messages = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        ExportViewModel export = new ExportViewModel(r -> {
            Thread t = new Thread(() -> {
                threads.add(Thread.currentThread().getName());
                r.run();
            }, "writer");
            t.start();
        }, Runnable::run, (title, text) -> messages.add(title + ": " + text));

        Path json = dir.resolve("out.json");
        assertThat(export.export(json, Format.JSON, List.of(tcp("127.0.0.1", 3000, 7, "node"), TRICKY))
                .get(30, TimeUnit.SECONDS)).isTrue();
        JsonArray array = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        assertThat(array).hasSize(2);
        assertThat(array.get(1).getAsJsonObject().get("process").getAsString()).isEqualTo("my, \"server\"");
        assertThat(threads).containsExactly("writer");
        assertThat(messages).singleElement().asString().startsWith("Saved: 2 sockets saved to");

        Path csv = dir.resolve("out.csv");
        assertThat(export.export(csv, Format.forFile(csv), List.of(TRICKY)).get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(csv)).startsWith("protocol,");

        messages.clear();
        Path impossible = dir.resolve("no-such-dir").resolve("x.csv");
        assertThat(export.export(impossible, Format.CSV, List.of()).get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(messages).singleElement().asString().startsWith("Could not save: Portside could not write").endsWith("the folder does not exist.");
    }

    @Test
    void theFormatFollowsTheFileName() {
        assertThat(Format.forFile(Path.of("a.JSON"))).isEqualTo(Format.JSON);
        assertThat(Format.forFile(Path.of("a.csv"))).isEqualTo(Format.CSV);
        assertThat(Format.forFile(Path.of("a"))).isEqualTo(Format.CSV);
    }
}
