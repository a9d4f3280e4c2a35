package dev.portside.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pasted messages of {@code captured-messages.txt} and {@code written-messages.txt}, one block each. */
record MessageCorpus(String name, String file, int port, String symptom, boolean assumed, String text) {

    private static final Pattern EXPECT = Pattern.compile("# expect: port=(\\w+) symptom=([\\w-]+)( assumed)?");

    /** 0 when the message names no port. */
    boolean namesPort() {
        return port > 0;
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }

    static List<MessageCorpus> captured() {
        return read("captured-messages.txt");
    }

    static List<MessageCorpus> written() {
        return read("written-messages.txt");
    }

    static List<MessageCorpus> all() {
        List<MessageCorpus> all = new ArrayList<>(captured());
        all.addAll(written());
        return all;
    }

    static List<MessageCorpus> read(String file) {
        String content;
        try (InputStream in = MessageCorpus.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MessageCorpus> blocks = new ArrayList<>();
        String[] parts = content.split("(?m)^### ");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int nl = part.indexOf('\n');
            String name = part.substring(0, nl).strip();
            List<String> body = new ArrayList<>();
            int port = -1;
            String symptom = null;
            boolean assumed = false;
            for (String line : part.substring(nl + 1).split("\n", -1)) {
                Matcher m = EXPECT.matcher(line);
                if (m.matches()) {
                    port = m.group(1).equals("none") ? 0 : Integer.parseInt(m.group(1));
                    symptom = m.group(2);
                    assumed = m.group(3) != null;
                } else if (body.isEmpty() && line.startsWith("# ")) {
                    continue; // tool or source line
                } else {
                    body.add(line);
                }
            }
            while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
                body.remove(body.size() - 1);
            }
            if (symptom == null) {
                throw new IllegalStateException(file + ": block '" + name + "' has no # expect: line");
            }
            blocks.add(new MessageCorpus(name, file, port, symptom, assumed, String.join("\n", body)));
        }
        return blocks;
    }
}
