package dev.portside.cli;

import dev.portside.diagnose.HostResolver;
import dev.portside.format.JsonText;
import dev.portside.knowledge.Knowledge;
import dev.portside.knowledge.Texts;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Reads the bundled knowledge (the tool catalogue and its patterns) and the texts on a second
 * thread while a one-shot command scans on the first: on two cores the command then waits for the
 * longer of the two, not for both (docs/PERFORMANCE.md, "Start-up of a command"). Whichever thread
 * needs them first reads them; the other waits for it (class initialisation), so nothing is read
 * twice.
 */
final class Preload implements Runnable {

    private static boolean started;

    private final boolean resolver;
    private final boolean json;
    private final Runnable then;

    private Preload(boolean resolver, boolean json, Runnable then) {
        this.resolver = resolver;
        this.json = json;
        this.then = then;
    }

    /** For {@code who}, {@code free}: once per JVM, on a daemon thread (it never holds up the end). */
    static void start() {
        start(false, false, null);
    }

    /**
     * For {@code list}: then {@code then} on the same thread, which is done with the rest while the
     * command still scans (docs/PERFORMANCE.md, step 43: the container engines' list).
     */
    static void forList(Runnable then) {
        start(false, false, then);
    }

    /**
     * For {@code list --json}: also Gson's JSON writer, whose set-up (its escape table made with
     * {@code String.format}, a pattern) is about 8 ms of a young JVM, read after the rest, while the
     * command still scans and describes (docs/PERFORMANCE.md, step 34).
     */
    static void forJson(Runnable then) {
        start(false, true, then);
    }

    /** For {@code why}: also the system resolver (JNA's binding of getaddrinfo), which it needs first. */
    static void forDiagnosis() {
        start(true, false, null);
    }

    private static synchronized void start(boolean resolver, boolean json, Runnable then) {
        if (!started) {
            started = true;
            Thread t = new Thread(new Preload(resolver, json, then), "portside-preload");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void run() {
        if (resolver) {
            HostResolver.prepare();
        }
        Knowledge.shared();
        Texts.bundle();
        NumberFormat.getInstance(Locale.getDefault()); // how MessageFormat writes a number ("12 minutes ago")
        if (then != null) {
            then.run(); // needed before the writer: in the middle of the descriptions
        }
        if (json) {
            JsonText.prepare();
        }
    }
}
