package dev.portside.knowledge;

/**
 * A terminal command that shows the same socket without Portside.
 *
 * @param explanation what it shows, in words
 * @param command the exact text to type (or copy)
 */
public record CheckCommand(String explanation, String command) {
}
