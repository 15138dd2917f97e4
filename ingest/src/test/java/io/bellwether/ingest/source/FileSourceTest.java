package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    @TempDir
    Path dir;

    private List<ParseResult> read(Path... paths) {
        List<ParseResult> results = new ArrayList<>();
        new FileSource().read(List.of(paths), results::add);
        return results;
    }

    @Test
    void walksDirectoriesRecursivelyInSortedPathOrder() throws IOException {
        Files.createDirectories(dir.resolve("b/inner"));
        Files.writeString(dir.resolve("b/inner/z.txt"), "Z title\nz body");
        Files.writeString(dir.resolve("a.txt"), "A title\na body");
        Files.writeString(dir.resolve("b/m.html"), "<title>M title</title><p>m body</p>");
        Files.writeString(dir.resolve("b/notes.md"), "ignored: not an article format");
        // Whole paths are compared: "b/inner/z.txt" sorts before "b/m.html".
        List<String> titles = read(dir).stream().map(result -> ((Parsed) result).draft().title()).toList();
        assertThat(titles).containsExactly("A title", "Z title", "M title");
    }

    @Test
    void reportsABrokenJsonlLineAndGoesOnWithTheRest() throws IOException {
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, "{\"title\":\"one\",\"body\":\"x\"}\n\n{broken\n{\"title\":\"two\",\"body\":\"y\"}\n");
        List<ParseResult> results = read(file);
        assertThat(results).hasSize(3);
        assertThat(((Rejected) results.get(1)).describe()).startsWith(file + ":3: invalid JSON");
        assertThat(((Parsed) results.get(2)).draft().line()).isEqualTo(4);
    }

    @Test
    void offersTheModificationTimeAsFallback() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "Title\nBody");
        Instant modified = Instant.parse("2024-02-03T04:05:06Z");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        assertThat(((Parsed) read(file).get(0)).draft().fallbackTime()).isEqualTo(modified);
    }

    @Test
    void reportsMissingUnsupportedAndUndecodableFiles() throws IOException {
        Path csv = Files.writeString(dir.resolve("data.csv"), "a,b");
        Path latin1 = Files.write(dir.resolve("latin.txt"), new byte[] {'T', '\n', (byte) 0xE9, (byte) 0xFF});
        List<String> reasons = read(dir.resolve("gone.txt"), csv, latin1).stream()
                .map(result -> ((Rejected) result).reason()).toList();
        assertThat(reasons).containsExactly("no such file or directory",
                "unsupported file type (expected .txt, .json, .jsonl, .html)", "not UTF-8 text");
    }
}
