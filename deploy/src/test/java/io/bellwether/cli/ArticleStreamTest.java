package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bellwether.avro.Article;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleStreamTest {

    @Test
    void passesAThousandLinesOnInFileOrderAndCountsTheBadOnes(@TempDir Path dir) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            jsonl.append(i % 100 == 7 ? "{broken\n" : "{\"title\":\"Story " + i + "\",\"body\":\"Body of story " + i
                    + ".\",\"url\":\"https://news.example/" + i + "\",\"publishedAt\":\"2026-11-01T00:00:00Z\"}\n");
        }
        Path file = Files.writeString(dir.resolve("many.jsonl"), jsonl);
        StringWriter err = new StringWriter();
        ArticleStream stream = new ArticleStream(List.of(file), new PrintWriter(err, true), new ArticleFiles());

        List<String> titles = new ArrayList<>();
        for (Article article : stream) {
            titles.add(article.getTitle());
        }

        assertThat(titles).hasSize(990).startsWith("Story 0", "Story 1").endsWith("Story 999");
        assertThat(titles).doesNotContain("Story 7", "Story 107");
        assertThat(stream.skipped()).isEqualTo(10);
        assertThat(err.toString()).contains("many.jsonl:8:");
        assertThatThrownBy(stream::iterator).hasMessageContaining("read once");
    }
}
