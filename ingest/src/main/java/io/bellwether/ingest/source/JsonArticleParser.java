package io.bellwether.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.ingest.article.ArticleDraft;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads articles written as JSON objects (title, body, url, source, publishedAt, author, language, and the
 * optional id and guid of a Bellwether export): one object, an array of them, or one object per JSONL line.
 * Unknown fields are ignored, so exported records with extra fields read back. Each result carries its raw
 * bytes: the document, the line, or (for an array element) the element as JSON.
 */
public final class JsonArticleParser {
    private static final List<String> TEXT_FIELDS = List.of("id", "title", "body", "url", "guid", "source",
            "publishedAt", "author", "language");
    private final ObjectMapper json = new ObjectMapper();

    /** A whole {@code .json} document or push body: an object or an array of objects. */
    public List<ParseResult> parseDocument(String file, String text, Instant fallbackTime) {
        RawInput raw = RawInput.of(text);
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of(new Rejected(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    RejectReason.INVALID_JSON, "invalid JSON: " + e.getOriginalMessage(), raw));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(new Rejected(file, 0, RejectReason.EMPTY, "empty document", raw));
        }
        if (!root.isArray()) {
            return List.of(parseObject(file, 1, root, fallbackTime, raw));
        }
        List<ParseResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            RawInput elementRaw = RawInput.of(element.toString());
            results.add(parseObject(file + "[" + i + "]", 0, element, fallbackTime, elementRaw));
        }
        return results;
    }

    /** One JSONL line; {@code lineNumber} counts from 1. */
    public ParseResult parseLine(String file, int lineNumber, String line, Instant fallbackTime) {
        RawInput raw = RawInput.of(line);
        try {
            return parseObject(file, lineNumber, json.readTree(line), fallbackTime, raw);
        } catch (JsonProcessingException e) {
            return new Rejected(file, lineNumber, RejectReason.INVALID_JSON, "invalid JSON: "
                    + e.getOriginalMessage(), raw);
        }
    }

    ParseResult parseObject(String file, int line, JsonNode node, Instant fallbackTime, RawInput raw) {
        if (node == null || !node.isObject()) {
            return new Rejected(file, line, RejectReason.INVALID_JSON, "expected a JSON object", raw);
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                return new Rejected(file, line, RejectReason.INVALID_JSON, "field '" + field + "' must be a string",
                        raw);
            }
        }
        ArticleDraft draft = ArticleDraft.of(file, line, text(node, "title"), text(node, "body"), fallbackTime)
                .withLink(text(node, "url"), text(node, "guid"))
                .withMeta(text(node, "source"), text(node, "publishedAt"), text(node, "author"),
                        text(node, "language"))
                .withId(text(node, "id"));
        return new Parsed(draft, raw);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
