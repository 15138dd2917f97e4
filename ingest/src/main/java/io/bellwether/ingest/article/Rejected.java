package io.bellwether.ingest.article;

/**
 * An input that is skipped, with where it came from, why (a {@link RejectReason} code and a human reason) and
 * its raw bytes for the dead letter; {@code line} is 0 when the whole file is meant. Printed as
 * {@code file:line: reason}.
 */
public record Rejected(String file, int line, RejectReason code, String reason, RawInput raw)
        implements ParseResult, Assembly {

    /** A rejection whose raw bytes are not at hand (yet): see {@link #withRawIfAbsent}. */
    public Rejected(String file, int line, RejectReason code, String reason) {
        this(file, line, code, reason, RawInput.NONE);
    }

    public String describe() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }

    @Override
    public Rejected withRawIfAbsent(RawInput fallback) {
        return raw.length() > 0 ? this : new Rejected(file, line, code, reason, fallback);
    }
}
