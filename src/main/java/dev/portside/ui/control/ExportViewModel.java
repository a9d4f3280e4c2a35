package dev.portside.ui.control;

import dev.portside.format.SocketCsv;
import dev.portside.format.SocketJson;
import dev.portside.core.ListeningSocket;
import dev.portside.knowledge.LikelyOwner;
import dev.portside.knowledge.Texts;
import dev.portside.ui.watch.Notifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the shown sockets as CSV or JSON. The file is written on a background executor; the outcome
 * comes back through {@code deliver} (the FX thread) as a notification in plain words.
 */
public final class ExportViewModel {

    /** The file formats offered. */
    public enum Format {
        CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format a file name asks for, CSV unless it ends in ".json". */
        public static Format forFile(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".json") ? JSON : CSV;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final Executor background;
    private final Executor deliver;
    private final Notifier notifier;
    /** What each socket most likely is, for the owner fields (the table's What column); none by default. */
    private volatile Function<ListeningSocket, LikelyOwner> owners = SocketJson.NO_OWNERS;

    public ExportViewModel(Executor background, Executor deliver, Notifier notifier) {
        this.background = Objects.requireNonNull(background);
        this.deliver = Objects.requireNonNull(deliver);
        this.notifier = Objects.requireNonNull(notifier);
    }

    /** Why a write failed, in plain words where we know them. */
    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return Texts.get("export.reason.noFolder");
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return Texts.get("export.reason.denied");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where the owner fields come from (the rows' likely owners; null answers leave them empty). */
    public void setOwners(Function<ListeningSocket, LikelyOwner> owners) {
        this.owners = owners == null ? SocketJson.NO_OWNERS : owners;
    }

    /** The text of a file in a format. */
    public static String render(Format format, List<ListeningSocket> sockets) {
        return render(format, sockets, SocketJson.NO_OWNERS);
    }

    public static String render(Format format, List<ListeningSocket> sockets,
            Function<ListeningSocket, LikelyOwner> owners) {
        return format == Format.JSON ? SocketJson.pretty(sockets, owners) + System.lineSeparator()
                : SocketCsv.toCsv(sockets, owners);
    }

    /**
     * Writes the sockets to a file in the background; completes with true when saved. Never fails:
     * a write error is told to the user and completes with false.
     */
    public CompletableFuture<Boolean> export(Path file, Format format, List<ListeningSocket> sockets) {
        List<ListeningSocket> copy = List.copyOf(sockets);
        Map<ListeningSocket, LikelyOwner> known = new HashMap<>(); // read on the FX thread, written in the background
        Function<ListeningSocket, LikelyOwner> ask = owners;
        copy.forEach(s -> {
            LikelyOwner o = ask.apply(s);
            if (o != null) {
                known.put(s, o);
            }
        });
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        background.execute(() -> {
            boolean ok;
            String message;
            try {
                Files.writeString(file, render(format, copy, known::get), StandardCharsets.UTF_8);
                ok = true;
                message = Texts.get("export.done", copy.size(), file.toString());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not export to {}", file, e);
                ok = false;
                message = Texts.get("export.failed", file.toString(), reason(e));
            }
            boolean result = ok;
            String text = message;
            deliver.execute(() -> {
                notifier.notify(Texts.get(result ? "export.done.title" : "export.failed.title"), text);
                done.complete(result);
            });
        });
        return done;
    }
}
