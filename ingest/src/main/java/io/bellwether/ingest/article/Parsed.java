package io.bellwether.ingest.article;

/** An input that parsed into a draft article. */
public record Parsed(ArticleDraft draft) implements ParseResult {
}
