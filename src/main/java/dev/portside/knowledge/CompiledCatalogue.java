package dev.portside.knowledge;

import dev.portside.core.BundledFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The tool catalogue ({@code dev-tools.json}) as the build writes it for quick reading:
 * {@code dev-tools.bin}, the same entries as plain fields, read with a {@link DataInputStream}. Reading the
 * JSON with Gson (reflection, its type adapters) took 20-30 ms of every {@code portside who} (docs/PERFORMANCE.md,
 * "Start-up of a command"); this form takes about 1 ms. It starts with the length and CRC-32 of the JSON it was
 * made from, so a JSON file edited after the build (an IDE that copies resources, not this step) is read as
 * JSON, never from a stale copy. The build runs {@link #main} after compiling (pom.xml, {@code tool-catalogue});
 * {@code CompiledCatalogueTest} checks that both forms give the same catalogue.
 */
public final class CompiledCatalogue {

    static final String RESOURCE = "dev-tools.bin";
    private static final int VERSION = 2; // 2: each pattern's RequiredLiterals

    private CompiledCatalogue() {
    }

    /** Writes {@code args[0]}/dev/portside/knowledge/dev-tools.bin from the dev-tools.json beside it. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], "dev", "portside", "knowledge");
        byte[] json = Files.readAllBytes(dir.resolve(DevToolCatalogue.RESOURCE));
        Files.write(dir.resolve(RESOURCE), write(json));
    }

    /** The compiled form of a catalogue file (checked first: a broken catalogue fails the build). */
    static byte[] write(byte[] json) throws IOException {
        DevToolCatalogue.File file = DevToolCatalogue.read(
                new java.io.InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8));
        DevToolCatalogue.of(file);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeInt(json.length);
            out.writeLong(crc(json));
            out.writeInt(file.tools.size());
            for (DevToolCatalogue.Entry e : file.tools) {
                writeText(out, e.id);
                writeText(out, e.name);
                writeText(out, e.description);
                writeInts(out, e.ports);
                writeText(out, e.process);
                writeText(out, e.commandLine);
                writeTexts(out, e.process == null ? null : RequiredLiterals.of(e.process));
                writeTexts(out, e.commandLine == null ? null : RequiredLiterals.of(e.commandLine));
                out.writeBoolean(e.tls);
                writeInts(out, e.tlsPorts);
                out.writeBoolean(e.generic);
                out.writeBoolean(e.onlyOnItsPorts);
            }
            Map<String, String> users = file.serviceUsers == null ? Map.of() : file.serviceUsers;
            out.writeInt(users.size());
            for (Map.Entry<String, String> u : users.entrySet()) {
                out.writeUTF(u.getKey());
                out.writeUTF(u.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** The bundled compiled catalogue if it was made from exactly this JSON, else null. */
    static DevToolCatalogue.File readBundled(byte[] json) {
        try (InputStream in = BundledFiles.open(CompiledCatalogue.class, RESOURCE)) {
            return in == null ? null : read(in.readAllBytes(), json);
        } catch (IOException e) {
            return null;
        }
    }

    /** The entries of a compiled catalogue made from {@code json}, or null when it was made from another. */
    static DevToolCatalogue.File read(byte[] compiled, byte[] json) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(compiled));
        if (in.readInt() != VERSION || in.readInt() != json.length || in.readLong() != crc(json)) {
            return null;
        }
        int count = in.readInt();
        List<DevToolCatalogue.Entry> tools = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DevToolCatalogue.Entry e = new DevToolCatalogue.Entry();
            e.id = readText(in);
            e.name = readText(in);
            e.description = readText(in);
            e.ports = readInts(in);
            e.process = readText(in);
            e.commandLine = readText(in);
            e.processLiterals = readTexts(in);
            e.commandLineLiterals = readTexts(in);
            e.tls = in.readBoolean();
            e.tlsPorts = readInts(in);
            e.generic = in.readBoolean();
            e.onlyOnItsPorts = in.readBoolean();
            tools.add(e);
        }
        int users = in.readInt();
        Map<String, String> serviceUsers = new LinkedHashMap<>();
        for (int i = 0; i < users; i++) {
            serviceUsers.put(in.readUTF(), in.readUTF());
        }
        DevToolCatalogue.File file = new DevToolCatalogue.File();
        file.tools = tools;
        file.serviceUsers = serviceUsers;
        return file;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** A text that may be missing (null). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Texts that may be missing (null). */
    private static void writeTexts(DataOutputStream out, String[] texts) throws IOException {
        out.writeInt(texts == null ? -1 : texts.length);
        if (texts != null) {
            for (String t : texts) {
                out.writeUTF(t);
            }
        }
    }

    private static String[] readTexts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            texts[i] = in.readUTF();
        }
        return texts;
    }

    /** A list of numbers that may be missing (null). */
    private static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
        out.writeInt(values == null ? -1 : values.size());
        if (values != null) {
            for (int v : values) {
                out.writeInt(v);
            }
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readInt());
        }
        return values;
    }
}
