package dev.portside.knowledge;

/** How Portside knows what owns a socket. */
public enum OwnerCertainty {
    /** The owner's process name or command line matched a known tool. */
    RECOGNISED_FROM_COMMAND_LINE,
    /** Only the port number hints at the owner (the owner is hidden or not recognised). */
    GUESSED_FROM_PORT,
    /** Neither the process nor the port tells. */
    UNKNOWN
}
