package io.bellwether.enrich.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The labelled pair set of {@value #RESOURCE}: each line two texts and whether they tell the same story. A side
 * is a sample-corpus article ({@code base}, a path under corpus/sample) with optional syndication edits (a new
 * {@code title}, a {@code prefix} before the body, a {@code suffix} paragraph, paragraphs to {@code drop} by
 * index, {@code replace} pairs), or a text written for the set ({@code title}, {@code body}). An edit that does
 * not apply (a drop index out of range, a replace that finds nothing) fails the load.
 */
final class StoryPairs {
    static final String RESOURCE = "pairs.jsonl";
    static final Path CORPUS = Path.of("..", "corpus", "sample");

    record Pair(String id, String kind, boolean same, String split, String a, String b) {
    }

    private StoryPairs() {
    }

    static List<Pair> load() {
        ObjectMapper json = new ObjectMapper();
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = StoryPairs.class.getResourceAsStream(RESOURCE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String id = node.path("id").asText();
                pairs.add(new Pair(id, node.path("kind").asText(), node.path("same").asBoolean(),
                        node.path("split").asText(), side(json, id, node.path("a")), side(json, id, node.path("b"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    private static String side(ObjectMapper json, String id, JsonNode side) throws IOException {
        String title;
        String body;
        if (side.has("base")) {
            JsonNode base = json.readTree(Files.readString(CORPUS.resolve(side.path("base").asText())));
            title = base.path("title").asText();
            body = base.path("body").asText();
        } else {
            title = side.path("title").asText();
            body = side.path("body").asText();
        }
        if (side.has("title")) {
            title = side.path("title").asText();
        }
        List<String> paragraphs = new ArrayList<>(Arrays.asList(body.split("\n\n")));
        List<Integer> drops = new ArrayList<>();
        side.path("drop").forEach(index -> drops.add(index.asInt()));
        drops.sort((x, y) -> y - x);
        for (int index : drops) {
            require(index < paragraphs.size(), id + ": no paragraph " + index + " to drop");
            paragraphs.remove(index);
        }
        body = paragraphs.stream().collect(Collectors.joining("\n\n"));
        for (JsonNode replace : side.path("replace")) {
            String from = replace.get(0).asText();
            require(body.contains(from), id + ": '" + from + "' is not in the text");
            body = body.replace(from, replace.get(1).asText());
        }
        body = side.path("prefix").asText("") + body;
        if (side.has("suffix")) {
            body = body + "\n\n" + side.path("suffix").asText();
        }
        return title + "\n\n" + body;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
