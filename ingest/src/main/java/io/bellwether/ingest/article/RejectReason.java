package io.bellwether.ingest.article;

/**
 * Why an input was rejected, as the short code a dead letter carries in {@code reason}. The set is fixed, so
 * the code is also a bounded meter tag.
 */
public enum RejectReason {
    /** Not JSON, not an object, a field that is not a string. */
    INVALID_JSON("invalid-json"),
    /** No title, no body, or only a title line. */
    MISSING_FIELD("missing-field"),
    /** A URL that is not absolute http(s). */
    BAD_URL("bad-url"),
    /** An unparseable publishedAt, or one before the earliest or too far in the future. */
    BAD_TIMESTAMP("bad-timestamp"),
    NOT_UTF8("not-utf8"),
    /** A file, document or request body with no content. */
    EMPTY("empty"),
    /** An article whose encoded record exceeds the producer's max.request.size. */
    TOO_LARGE("too-large"),
    /** A path that does not exist or cannot be read, or a feed that does not parse. */
    UNREADABLE("unreadable"),
    /** A file named on the command line whose type ingest does not read. */
    UNSUPPORTED("unsupported");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The wire form: lower case with dashes, as in the dead letter's {@code reason} and the meter tag. */
    public String code() {
        return code;
    }
}
