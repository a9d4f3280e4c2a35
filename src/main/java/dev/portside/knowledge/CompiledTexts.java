package dev.portside.knowledge;

import dev.portside.core.BundledFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The texts ({@code messages.properties}) as the build writes them for quick reading:
 * {@code messages.bin}, each key and its text read with a {@link DataInputStream}. Parsing the
 * 58 KB properties file took 14-17 ms of every command in a young JVM, on the way to its first
 * sentence (docs/PERFORMANCE.md, "Start-up of a command"); this form takes about 6. Like
 * {@link CompiledCatalogue} it starts with the length and CRC-32 of the file it was made from, so a
 * properties file edited after the build is read as it is, never from a stale copy. The build runs
 * {@link #main} after compiling (pom.xml, {@code texts}); {@code CompiledTextsTest} checks that
 * both forms hold the same texts.
 */
public final class CompiledTexts {

    static final String PROPERTIES = "/dev/portside/messages.properties";
    static final String RESOURCE = "/dev/portside/messages.bin";
    private static final int VERSION = 1;

    private CompiledTexts() {
    }

    /** Writes {@code args[0]}/dev/portside/messages.bin from the messages.properties beside it. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "dev", "portside");
        byte[] properties = Files.readAllBytes(dir.resolve("messages.properties"));
        Files.write(dir.resolve("messages.bin"), write(properties));
    }

    /** The compiled form of a properties file, read as the JDK reads it. */
    static byte[] write(byte[] properties) throws IOException {
        PropertyResourceBundle bundle = new PropertyResourceBundle(new ByteArrayInputStream(properties));
        Set<String> keys = bundle.keySet();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(properties.length);
            out.writeLong(crc(properties));
            out.writeInt(keys.size());
            for (String key : keys) {
                out.writeUTF(key);
                out.writeUTF(bundle.getString(key));
            }
        }
        return bytes.toByteArray();
    }

    /** The bundled compiled texts if they were made from exactly these properties, else null. */
    static ResourceBundle readBundled(byte[] properties) {
        try (InputStream in = BundledFiles.open(CompiledTexts.class, RESOURCE)) {
            return in == null ? null : read(in.readAllBytes(), properties);
        } catch (IOException e) {
            return null;
        }
    }

    /** The texts of a compiled form made from {@code properties}, or null when it was made from another file. */
    static ResourceBundle read(byte[] compiled, byte[] properties) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(compiled));
        if (in.readInt() != VERSION || in.readInt() != properties.length || in.readLong() != crc(properties)) {
            return null;
        }
        int count = in.readInt();
        Map<String, String> texts = new HashMap<>(count * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            texts.put(in.readUTF(), in.readUTF());
        }
        return new Texts(texts);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The base bundle of the texts, as a {@link PropertyResourceBundle} of the same file answers. */
    private static final class Texts extends ResourceBundle {
        private final Map<String, String> texts;

        Texts(Map<String, String> texts) {
            this.texts = texts;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (key == null) {
                throw new NullPointerException("key");
            }
            return texts.get(key);
        }

        @Override
        protected Set<String> handleKeySet() {
            return texts.keySet();
        }

        @Override
        public Enumeration<String> getKeys() {
            // the base bundle: no parent whose keys to add
            return Collections.enumeration(parent == null ? texts.keySet() : keySet());
        }
    }
}
