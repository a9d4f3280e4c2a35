package dev.portside.bench;

import dev.portside.core.IpAddress;
import dev.portside.core.IpFamily;
import dev.portside.core.ListeningSocket;
import dev.portside.core.ProcessInfo;
import dev.portside.core.Protocol;
import dev.portside.core.Snapshot;
import dev.portside.ui.ports.PortRowViewModel;
import dev.portside.ui.ports.PortsView;
import dev.portside.ui.ports.PortsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * The table benchmark: a real {@link PortsView} (sorted and filtered as in the app) with 10,000 rows
 * in a shown window (headless Monocle), then polls that each change 100 rows: 100 new owners, or 50
 * closed and 50 new sockets. Times {@code PortsViewModel.apply} on the FX thread and the pulse
 * that follows (CSS, layout and scene sync; rendering happens on the render thread), and checks that
 * the selection and the scroll position stay put.
 *
 * <p>Run: {@code mvn -Pbench verify} (with the scanner benchmark), or alone with
 * {@code mvn -Pbench verify -Dbench.only=table}.
 */
public final class TableBenchmark {

    private static final int ROWS = 10_000;
    private static final int CHANGED = 100;
    /** Polls before the measured ones, so that apply() runs compiled, as it does in an app left open. */
    private static final int WARM_UP = 60;

    public static void main(String[] args) throws Exception {
        if (!List.of("all", "table").contains(System.getProperty("bench.only", "all"))) {
            return;
        }
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        int rounds = Integer.getInteger("bench.rounds", 15) * 2;
        Path out = Path.of(System.getProperty("bench.out", "docs/PERFORMANCE.md"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        List<ListeningSocket> sockets = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            sockets.add(socket(1024 + i, 1000 + i % 50, "server" + i % 50));
        }
        PortsViewModel model = new PortsViewModel();
        PortsView[] view = new PortsView[1];
        onFx(() -> {
            view[0] = new PortsView(model, ZoneId.systemDefault());
            Stage stage = new Stage();
            stage.setScene(new Scene(view[0].node(), 1100, 680));
            stage.show();
            model.apply(new Snapshot(Instant.now(), Duration.ZERO, sockets, "bench"));
            TableView<PortRowViewModel> table = view[0].node();
            table.getSelectionModel().select(5_000);
            table.scrollTo(4_990);
            table.applyCss();
            table.layout();
            return null;
        });
        Random random = new Random(42);
        List<Double> ownerApply = new ArrayList<>();
        List<Double> ownerLayout = new ArrayList<>();
        List<Double> churnApply = new ArrayList<>();
        List<Double> churnLayout = new ArrayList<>();
        List<ListeningSocket> current = new ArrayList<>(sockets);
        int nextPort = 1024 + ROWS;
        boolean stayed = true;
        for (int r = 0; r < rounds + WARM_UP; r++) {
            boolean churn = r % 2 == 1;
            List<ListeningSocket> next = new ArrayList<>(current);
            if (churn) {
                for (int k = 0; k < CHANGED / 2; k++) {
                    next.remove(1 + random.nextInt(next.size() - 1));
                    next.add(socket(nextPort++, 4000 + k, "new" + k));
                }
            } else {
                for (int k = 0; k < CHANGED; k++) {
                    int i = random.nextInt(next.size());
                    ListeningSocket s = next.get(i);
                    next.set(i, new ListeningSocket(s.protocol(), s.family(), s.address(), s.port(),
                            List.of(process(2000 + r, "owner" + r))));
                }
            }
            current = next;
            Snapshot snapshot = new Snapshot(Instant.now(), Duration.ZERO, next, "bench");
            double[] times = onFx(() -> {
                TableView<PortRowViewModel> table = view[0].node();
                PortRowViewModel selected = table.getSelectionModel().getSelectedItem();
                int first = firstVisible(table);
                long t0 = System.nanoTime();
                model.apply(snapshot);
                long t1 = System.nanoTime();
                // the pulses JavaFX runs next: CSS of what changed, layout, scene sync (not
                // table.applyCss(), which restyles every visible cell whether it changed or not);
                // until the table is laid out: a layout may ask for one more pulse
                for (int pulses = 0; pulses < 5 && (pulses == 0 || table.isNeedsLayout()); pulses++) {
                    com.sun.javafx.tk.Toolkit.getToolkit().firePulse();
                }
                long t2 = System.nanoTime();
                boolean same = table.getSelectionModel().getSelectedItem() == selected && firstVisible(table) == first;
                return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, same ? 1 : 0};
            });
            if (r >= WARM_UP) { // the first polls warm the JIT up
                (churn ? churnApply : ownerApply).add(times[0]);
                (churn ? churnLayout : ownerLayout).add(times[1]);
                stayed &= times[2] == 1;
            }
        }
        Platform.exit();
        String report = String.format(Locale.ROOT, "Measured %s with `mvn -Pbench verify` (TableBenchmark: a shown "
                + "PortsView under headless Monocle, %,d rows, sorted by port; the app's JVM options (serial GC, C1 only); "
                + "%d polls of each kind after %d to warm up; medians, max).%n%n"
                + "| A poll that changes %d rows | apply() on the FX thread | apply() + the pulses after it (CSS, layout) |%n"
                + "|---|---:|---:|%n"
                + "| %d rows get a new owner | %.2f ms (max %.2f) | %.2f ms (max %.2f) |%n"
                + "| %d sockets close, %d open | %.2f ms (max %.2f) | %.2f ms (max %.2f) |%n%n"
                + "Selection and scroll position stayed put in every poll: %s.%n",
                LocalDate.now(), ROWS, ownerApply.size(), WARM_UP, CHANGED, CHANGED, median(ownerApply), max(ownerApply),
                median(ownerLayout), max(ownerLayout), CHANGED / 2, CHANGED / 2, median(churnApply), max(churnApply),
                median(churnLayout), max(churnLayout), stayed ? "yes" : "NO");
        System.out.println(report);
        ScanBenchmark.writeInto(out, report, "table");
        System.exit(0);
    }

    private static int firstVisible(TableView<?> table) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> cell = flow == null ? null : flow.getFirstVisibleCell();
        return cell == null ? -1 : cell.getIndex();
    }

    private static ListeningSocket socket(int port, int pid, String name) {
        return new ListeningSocket(Protocol.TCP, IpFamily.IPV4, IpAddress.IPV4_LOOPBACK, port,
                List.of(process(pid, name)));
    }

    private static ProcessInfo process(int pid, String name) {
        return new ProcessInfo(pid, name, "/usr/bin/" + name, "/usr/bin/" + name + " --serve", "ada",
                Instant.EPOCH.plusSeconds(pid), 1);
    }

    private static double median(List<Double> v) {
        return ScanBenchmark.median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }
}
