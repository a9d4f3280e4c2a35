package dev.portside;

import dev.portside.platform.OsFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Skips OpenGL on a Linux machine without a GPU (no {@code /dev/dri/*} and no {@code /dev/nvidia*}:
 * virtual machines, containers, remote and headless displays). There OpenGL is Mesa's software
 * rasterizer, which JavaFX does not accept: it tries it, then falls back to its own software
 * renderer. Meanwhile GTK has loaded Mesa and LLVM for its own OpenGL support, which JavaFX never
 * uses. Both stay resident for the whole run: measured here, an empty JavaFX window took 175 MB
 * with them and 120 MB without. So, on such a machine only, Portside asks for the software renderer
 * ({@code prism.order=sw}) and turns GTK's OpenGL off ({@code GDK_GL=disable}, set in the process
 * environment before GTK starts). Where a GPU device exists nothing changes, and a
 * {@code prism.order} or {@code GDK_GL} the user gives always wins.
 */
final class RenderingPipeline {

    private RenderingPipeline() {
    }

    /** Called once, before JavaFX starts. */
    static void prepare() {
        if (choose(System.getProperties(), OsFamily.current(), Path.of("/dev"))
                && System.getenv("GDK_GL") == null) {
            try {
                com.sun.jna.platform.unix.LibC.INSTANCE.setenv("GDK_GL", "disable", 0);
            } catch (Throwable e) {
                // no JNA here: GTK loads OpenGL as it always does; only memory is lost
            }
        }
    }

    /** Sets {@code prism.order=sw} in {@code props} when that is the better start; true when it did. */
    static boolean choose(Properties props, OsFamily os, Path dev) {
        if (props.getProperty("prism.order") != null || os != OsFamily.LINUX) {
            return false;
        }
        if (hasGpuDevice(dev)) {
            return false;
        }
        props.setProperty("prism.order", "sw");
        return true;
    }

    static boolean hasGpuDevice(Path dev) {
        return anyStartingWith(dev.resolve("dri"), "renderD") || anyStartingWith(dev.resolve("dri"), "card")
                || anyStartingWith(dev, "nvidia");
    }

    private static boolean anyStartingWith(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        } catch (IOException | SecurityException e) {
            return true; // cannot tell: leave JavaFX's own choice alone
        }
    }
}
