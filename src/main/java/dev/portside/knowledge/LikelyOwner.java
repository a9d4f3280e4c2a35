package dev.portside.knowledge;

import dev.portside.owner.OwnerFacts;
import java.util.Objects;
import java.util.Optional;

/**
 * What most likely owns a socket, in words.
 *
 * @param label a short name to show and to filter on, e.g. "Vite dev server", "PostgreSQL",
 *     "Docker: shop-web", "nginx.service" or "Express app (shop)"
 * @param sentence one sentence (or a few) for a beginner, e.g. "Vite dev server (node, pid 4121),
 *     started 12 minutes ago in ~/code/shop."
 * @param certainty how sure that is
 * @param description what the thing is, in one line ("" when unknown)
 * @param tool the catalogue entry it was recognised as or guessed from, or null
 * @param facts what Portside found out about the owner (container, service, project), from which
 *     the words were made
 * @param basis what the label rests on, for the words of its certainty
 */
public record LikelyOwner(String label, String sentence, OwnerCertainty certainty, String description, DevTool tool,
        OwnerFacts facts, Basis basis) {

    /** What a likely owner was told by: the user reads it as "Recognised from its systemd service". */
    public enum Basis {
        COMMAND_LINE, CONTAINER_ENGINE, SERVICE_UNIT, PROJECT, PORT, SOCKET_USER, NOTHING;

        /** The usual basis of a certainty, when nothing more precise is known. */
        static Basis of(OwnerCertainty certainty) {
            return switch (certainty) {
                case RECOGNISED_FROM_COMMAND_LINE -> COMMAND_LINE;
                case GUESSED_FROM_PORT -> PORT;
                case UNKNOWN -> NOTHING;
            };
        }
    }

    public LikelyOwner {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(certainty, "certainty");
        description = Objects.requireNonNullElse(description, "");
        facts = Objects.requireNonNullElse(facts, OwnerFacts.NONE);
        basis = Objects.requireNonNullElse(basis, Basis.of(certainty));
    }

    public LikelyOwner(String label, String sentence, OwnerCertainty certainty, String description, DevTool tool) {
        this(label, sentence, certainty, description, tool, OwnerFacts.NONE, null);
    }

    public LikelyOwner(String label, String sentence, OwnerCertainty certainty, String description, DevTool tool,
            OwnerFacts facts) {
        this(label, sentence, certainty, description, tool, facts, null);
    }

    /** How sure, in words: "Recognised from its systemd service", "A guess from the port number alone". */
    public String certaintyText() {
        return Texts.get("detail.basis." + basis.name());
    }

    public Optional<DevTool> toolIfKnown() {
        return Optional.ofNullable(tool);
    }

    public boolean recognised() {
        return certainty == OwnerCertainty.RECOGNISED_FROM_COMMAND_LINE;
    }

    LikelyOwner with(String newLabel, String newSentence, OwnerCertainty newCertainty) {
        return new LikelyOwner(newLabel, newSentence, newCertainty, description, tool, facts,
                newCertainty == certainty ? basis : null);
    }

    LikelyOwner with(String newLabel, String newSentence, OwnerCertainty newCertainty, Basis newBasis) {
        return new LikelyOwner(newLabel, newSentence, newCertainty, description, tool, facts, newBasis);
    }

    LikelyOwner withBasis(Basis newBasis) {
        return new LikelyOwner(label, sentence, certainty, description, tool, facts, newBasis);
    }

    LikelyOwner withFacts(OwnerFacts newFacts) {
        return new LikelyOwner(label, sentence, certainty, description, tool, newFacts, basis);
    }
}
