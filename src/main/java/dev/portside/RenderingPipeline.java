package dev.portside;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software renderer up front on a Linux machine without a GPU (no
 * {@code /dev/dri/renderD*} and no {@code /dev/nvidia*}: virtual machines, containers, remote and
 * headless displays). There JavaFX would first load the system's OpenGL (Mesa with LLVM), find that
 * it is a software rasterizer it does not accept, and fall back to its own software renderer anyway;
 * the attempt costs about 45 MB of resident memory for the rest of the run and some start-up time.
 * Where a GPU device exists nothing changes, and a {@code prism.order} given by the user always wins.
 */
final class RenderingPipeline {

    private RenderingPipeline() {
    }

    /** Sets {@code prism.order=sw} in {@code props} when that is the better start; true when it did. */
    static boolean choose(Properties props, String osName, Path dev) {
        if (props.getProperty("prism.order") != null || !osName.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
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
