package io.bellwether.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles written as JSON objects (title, body, url, source, publishedAt, author, language, and the
 * optional id and guid of a Bellwether export): one object, an array of them, or one object per JSONL line.
 * Unknown fields are ignored, so exported records with extra fields read back.
 */
public final class JsonArticleParser {
    private static final List<String> TEXT_FIELDS = List.of("id", "title", "body", "url", "guid", "source",
            "publishedAt", "author", "language");
    private final ObjectMapper json = new ObjectMapper();

    /** A whole {@code .json} document or push body: an object or an array of objects. */
    public List<ParseResult> parseDocument(String file, String text, Instant fallbackTime) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of(new Rejected(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(new Rejected(file, 0, "empty document"));
        }
        if (!root.isArray()) {
            return List.of(parseObject(file, 1, root, fallbackTime));
        }
        List<ParseResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(parseObject(file + "[" + i + "]", 0, root.get(i), fallbackTime));
        }
        return results;
    }

    /** One JSONL line; {@code lineNumber} counts from 1. */
    public ParseResult parseLine(String file, int lineNumber, String line, Instant fallbackTime) {
        try {
            return parseObject(file, lineNumber, json.readTree(line), fallbackTime);
        } catch (JsonProcessingException e) {
            return new Rejected(file, lineNumber, "invalid JSON: " + e.getOriginalMessage());
        }
    }

    ParseResult parseObject(String file, int line, JsonNode node, Instant fallbackTime) {
        if (node == null || !node.isObject()) {
            return new Rejected(file, line, "expected a JSON object");
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                return new Rejected(file, line, "field '" + field + "' must be a string");
            }
        }
        ArticleDraft draft = ArticleDraft.of(file, line, text(node, "title"), text(node, "body"), fallbackTime)
                .withLink(text(node, "url"), text(node, "guid"))
                .withMeta(text(node, "source"), text(node, "publishedAt"), text(node, "author"),
                        text(node, "language"))
                .withId(text(node, "id"));
        return new Parsed(draft);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
