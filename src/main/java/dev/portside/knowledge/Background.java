package dev.portside.knowledge;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The one daemon thread on which the knowledge package reads its bundled data. */
final class Background {

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portside-knowledge");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, THREAD);
    }
}
