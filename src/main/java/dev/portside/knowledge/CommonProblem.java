package dev.portside.knowledge;

/**
 * An error message people meet with a listening port, explained for this socket.
 *
 * @param title the message as programs print it, e.g. "Address already in use"
 * @param text what it means here and what to do
 */
public record CommonProblem(String title, String text) {
}
