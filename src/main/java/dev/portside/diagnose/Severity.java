package dev.portside.diagnose;

/** How a finding weighs: good news, a note, or the problem to fix. */
public enum Severity {
    OK("ok"), INFO("info"), PROBLEM("problem");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
