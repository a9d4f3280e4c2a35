package dev.portside.knowledge;

import dev.portside.core.ListeningSocket;
import dev.portside.owner.OwnerFinder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The likely owner of a socket with everything Portside can find out: {@link OwnerFinder}'s facts
 * (the owner's container, service, project; cached per process) put into words by
 * {@link OwnerInference}. Reads the OS and may ask a container engine: call it off the FX thread.
 */
public final class OwnerDescriber {

    private final Supplier<Knowledge> knowledge;
    private final OwnerFinder finder;

    public OwnerDescriber(Supplier<Knowledge> knowledge, OwnerFinder finder) {
        this.knowledge = Objects.requireNonNull(knowledge);
        this.finder = Objects.requireNonNull(finder);
    }

    /** The bundled knowledge and this computer's processes and container engines (one shared cache). */
    public static OwnerDescriber shared() {
        return Holder.INSTANCE;
    }

    public LikelyOwner describe(ListeningSocket socket) {
        return knowledge.get().likelyOwner(socket, finder.find(socket));
    }

    public OwnerFinder finder() {
        return finder;
    }

    private static final class Holder {
        static final OwnerDescriber INSTANCE = new OwnerDescriber(new Supplier<>() { // not a lambda: step 27 of docs/PERFORMANCE.md
            @Override
            public Knowledge get() {
                return Knowledge.shared();
            }
        }, OwnerFinder.system());
    }
}
