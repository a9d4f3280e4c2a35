package dev.portside.ui.ports;

import dev.portside.core.ListeningSocket;
import java.time.Instant;
import java.util.Objects;

/**
 * The socket the user had chosen, after it closed and its row went: the detail pane says so, instead
 * of the table choosing another row on its own.
 *
 * @param socket the socket as its row last showed it (with its owners)
 * @param closedAt when Portside saw it closed
 */
public record ClosedSelection(ListeningSocket socket, Instant closedAt) {

    public ClosedSelection {
        Objects.requireNonNull(socket);
        Objects.requireNonNull(closedAt);
    }
}
