package io.bellwether.ingest.article;

/**
 * An input that is skipped, with where it came from and why; {@code line} is 0 when the whole file is meant.
 * Printed as {@code file:line: reason}.
 */
public record Rejected(String file, int line, String reason) implements ParseResult, Assembly {

    public String describe() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
