package io.bellwether.ingest.article;

/** An input that parsed into a draft article, with the bytes it was read from (for a later dead letter). */
public record Parsed(ArticleDraft draft, RawInput raw) implements ParseResult {

    public Parsed(ArticleDraft draft) {
        this(draft, RawInput.NONE);
    }

    /** The same input with a changed draft (e.g. a fetched full text), keeping the original bytes. */
    public Parsed withDraft(ArticleDraft changed) {
        return new Parsed(changed, raw);
    }

    @Override
    public Parsed withRawIfAbsent(RawInput fallback) {
        return raw.length() > 0 ? this : new Parsed(draft, fallback);
    }
}
