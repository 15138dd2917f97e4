package io.bellwether.ingest.article;

import java.time.Instant;

/**
 * An article as a source read it, before identity and time rules: raw strings (any may be null), the raw
 * {@code publishedAt} text, and the time to fall back on when the source states none.
 *
 * @param id an id the input already carries (a Bellwether export), kept as is for backfills
 * @param fallbackTime the file's modification time, or the ingest time for feeds and push
 */
public record ArticleDraft(
        String file, int line, String id, String title, String body, String url, String guid, String source,
        String publishedAt, String author, String language, Instant fallbackTime) {

    /** A draft with only the fields every source has; the rest are filled by {@code with...} copies. */
    public static ArticleDraft of(String file, int line, String title, String body, Instant fallbackTime) {
        return new ArticleDraft(file, line, null, title, body, null, null, null, null, null, null, fallbackTime);
    }

    public ArticleDraft withLink(String newUrl, String newGuid) {
        return new ArticleDraft(file, line, id, title, body, newUrl, newGuid, source, publishedAt, author, language,
                fallbackTime);
    }

    public ArticleDraft withMeta(String newSource, String newPublishedAt, String newAuthor, String newLanguage) {
        return new ArticleDraft(file, line, id, title, body, url, guid, newSource, newPublishedAt, newAuthor,
                newLanguage, fallbackTime);
    }

    public ArticleDraft withId(String newId) {
        return new ArticleDraft(file, line, newId, title, body, url, guid, source, publishedAt, author, language,
                fallbackTime);
    }

    public ArticleDraft withBody(String newBody) {
        return new ArticleDraft(file, line, id, title, newBody, url, guid, source, publishedAt, author, language,
                fallbackTime);
    }
}
