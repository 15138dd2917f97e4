package io.bellwether.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bellwether.avro.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the development set's lines {@code {id,title,text,label}} as articles (the label is not used here), and mixes
 * it with the sample corpus so that any prefix of the benchmark corpus holds both kinds of text.
 */
public final class BenchCorpus {
    private final ObjectMapper json = new ObjectMapper();

    /** {@code a} and {@code b} alternately, the rest of the longer one at the end. */
    public static List<Article> interleave(List<Article> a, List<Article> b) {
        List<Article> mixed = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                mixed.add(a.get(i));
            }
            if (i < b.size()) {
                mixed.add(b.get(i));
            }
        }
        return mixed;
    }

    public List<Article> readDevSet(Path file) throws IOException {
        List<Article> articles = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = json.readTree(line);
            articles.add(Article.newBuilder().setId("dev-" + item.path("id").asText()).setSource("eval")
                    .setTitle(item.path("title").asText("")).setBody(item.path("text").asText(""))
                    .setPublishedAt(Instant.EPOCH).setIngestedAt(Instant.EPOCH).build());
        }
        return articles;
    }
}
