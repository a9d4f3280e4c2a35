package dev.portside.knowledge;

import java.util.Objects;
import java.util.Optional;

/**
 * What most likely owns a socket, in words.
 *
 * @param label a short name to show and to filter on, e.g. "Vite dev server" or "PostgreSQL"
 * @param sentence one sentence for a beginner, e.g. "Vite dev server (node, pid 4121), started 12
 *     minutes ago in ~/code/shop."
 * @param certainty how sure that is
 * @param description what the thing is, in one line ("" when unknown)
 * @param tool the catalogue entry it was recognised as or guessed from, or null
 */
public record LikelyOwner(String label, String sentence, OwnerCertainty certainty, String description, DevTool tool) {

    public LikelyOwner {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(certainty, "certainty");
        description = Objects.requireNonNullElse(description, "");
    }

    public Optional<DevTool> toolIfKnown() {
        return Optional.ofNullable(tool);
    }

    public boolean recognised() {
        return certainty == OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE;
    }
}
