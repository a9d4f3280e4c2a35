package dev.portside.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Opens a file bundled with Portside's classes (its data, its texts) straight from Portside's own
 * jar or class folder. {@code Class.getResourceAsStream} asks the JDK's boot loader first, which
 * opens the runtime's module image for it (5-10 ms in a command that needs nothing else from it),
 * and a file it does not find (a resource bundle's {@code messages_en_US.properties}) is looked for
 * in every jar on the class path, each opened and its manifest read (about 10 ms more with
 * JavaFX's jars there; docs/PERFORMANCE.md, "Start-up of a command"). Where Portside's classes do
 * not come from a jar or a folder, it is {@code getResourceAsStream}.
 */
public final class BundledFiles {

    private BundledFiles() {
    }

    /**
     * The file named as for {@link Class#getResourceAsStream} (relative to {@code anchor}'s package,
     * or absolute with a leading "/"), or null when there is none.
     */
    public static InputStream open(Class<?> anchor, String name) throws IOException {
        String path = name.startsWith("/") ? name.substring(1)
                : anchor.getPackageName().replace('.', '/') + "/" + name;
        Where where = Holder.WHERE;
        if (where.jar != null) {
            ZipEntry entry = where.jar.getEntry(path);
            return entry == null || entry.isDirectory() ? null : where.jar.getInputStream(entry);
        }
        if (where.folder != null) {
            Path file = where.folder.resolve(path);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }
        return anchor.getResourceAsStream(name);
    }

    /** Portside's jar (kept open: the class loader holds it open too) or class folder, or neither. */
    private static final class Where {
        final ZipFile jar;
        final Path folder;

        Where(ZipFile jar, Path folder) {
            this.jar = jar;
            this.folder = folder;
        }

        static Where find() {
            try {
                CodeSource source = BundledFiles.class.getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
                    Path p = Path.of(source.getLocation().toURI());
                    if (Files.isDirectory(p)) {
                        return new Where(null, p);
                    }
                    if (Files.isRegularFile(p)) {
                        return new Where(new ZipFile(p.toFile()), null);
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // the class loader's way, below
            }
            return new Where(null, null);
        }
    }

    private static final class Holder {
        static final Where WHERE = Where.find();
    }
}
