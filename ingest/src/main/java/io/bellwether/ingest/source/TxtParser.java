package io.bellwether.ingest.source;

import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;

/**
 * Reads a plain-text article: the first non-blank line is the title, everything after it the body. The result
 * carries the text's UTF-8 bytes.
 */
public final class TxtParser {

    public ParseResult parse(String file, String text, Instant fallbackTime) {
        RawInput raw = RawInput.of(text);
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = content.split("\\R", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            return new Rejected(file, 0, RejectReason.EMPTY, "empty file", raw);
        }
        StringBuilder body = new StringBuilder();
        for (int i = first + 1; i < lines.length; i++) {
            body.append(lines[i]).append('\n');
        }
        if (body.toString().isBlank()) {
            return new Rejected(file, first + 1, RejectReason.MISSING_FIELD, "missing body: only a title line",
                    raw);
        }
        return new Parsed(ArticleDraft.of(file, first + 1, lines[first].strip(), body.toString().strip(),
                fallbackTime), raw);
    }
}
