package dev.portside.action;

/**
 * What the user chose in the confirmation.
 *
 * @param tree also end the process's children, grandchildren, … (npm → node and similar)
 * @param force end by force when the graceful request did not work within the grace period,
 *     without asking again
 */
public record KillOptions(boolean tree, boolean force) {

    public static final KillOptions GRACEFUL = new KillOptions(false, false);
}
