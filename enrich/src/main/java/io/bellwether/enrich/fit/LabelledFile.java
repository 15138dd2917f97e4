package io.bellwether.enrich.fit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads labelled JSON Lines ({@link LabelledArticle}) one line at a time; a bad line is an
 * {@link IllegalArgumentException} naming the file, the line number and what is wrong.
 */
public final class LabelledFile {
    private final ObjectMapper json = new ObjectMapper();

    /** Every article of {@code path}, in file order. */
    public List<LabelledArticle> read(Path path) {
        List<LabelledArticle> all = new ArrayList<>();
        each(path, all::add);
        return all;
    }

    /** Calls {@code sink} for each article of {@code path}, in file order, without holding the file in memory. */
    public void each(Path path, Consumer<LabelledArticle> sink) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    sink.accept(parse(line, path + ":" + number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labelled file " + path, e);
        }
    }

    /** One line; {@code where} (file:line) prefixes the message of a bad one. */
    public LabelledArticle parse(String line, String where) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        String id = required(node, "id", where);
        List<String> entities = new ArrayList<>();
        node.path("entities").forEach(entity -> entities.add(entity.asText()));
        String text = required(node, "text", where);
        String label = required(node, "label", where);
        try {
            return new LabelledArticle(id, node.path("title").asText(""), text, label, optional(node, "narrative"),
                    optional(node, "group").orElse(id), entities);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": missing or empty \"" + field + "\"");
        }
        return value.asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
