package io.bellwether.cli.bench;

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

/** Reads the development set's lines {@code {id,title,text,label}} as articles (the label is not used here). */
public final class BenchCorpus {
    private final ObjectMapper json = new ObjectMapper();

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
