package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    @Test
    void codesEachRejectedFileAndKeepsItsBytes() throws IOException {
        byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF, (byte) 0xFE};
        Path binary = Files.write(dir.resolve("garbage.txt"), garbage);
        Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
        Path blankLines = Files.writeString(dir.resolve("blank.jsonl"), "\n  \n");
        Path csv = Files.writeString(dir.resolve("data.csv"), "a,b");
        List<Rejected> rejected = read(binary, empty, blankLines, csv, dir.resolve("gone.txt")).stream()
                .map(Rejected.class::cast).toList();
        assertThat(rejected).extracting(Rejected::code).containsExactly(RejectReason.NOT_UTF8, RejectReason.EMPTY,
                RejectReason.EMPTY, RejectReason.UNSUPPORTED, RejectReason.UNREADABLE);
        assertThat(rejected.get(0).raw()).isEqualTo(new RawInput(garbage));
    }

    @Test
    void rejectsOnlyTheJsonlLineThatIsNotUtf8WithThatLinesBytes() throws IOException {
        byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, "{\"title\":\"one\",\"body\":\"x\"}\n");
        Files.write(file, bad, StandardOpenOption.APPEND);
        Files.writeString(file, "\r\n{\"title\":\"two\",\"body\":\"y\"}\n",
                StandardOpenOption.APPEND);
        List<ParseResult> results = read(file);
        assertThat(results).hasSize(3);
        Rejected rejected = (Rejected) results.get(1);
        assertThat(rejected.describe()).isEqualTo(file + ":2: not UTF-8 text");
        assertThat(rejected.raw()).isEqualTo(new RawInput(bad));
        assertThat(results.get(2).raw()).isEqualTo(RawInput.of("{\"title\":\"two\",\"body\":\"y\"}"));
    }

    @Test
    void givesAWholeFileItsBytesAndAnArrayElementItsOwnJson() throws IOException {
        String page = "<title>P</title><p>text</p>";
        Path html = Files.writeString(dir.resolve("p.html"), page);
        Path array = Files.writeString(dir.resolve("a.json"), "[{\"title\":\"t\",\"body\":\"b\"}, 7]");
        List<ParseResult> results = read(html, array);
        assertThat(results.get(0).raw()).isEqualTo(RawInput.of(page));
        assertThat(results.get(1).raw()).isEqualTo(RawInput.of("{\"title\":\"t\",\"body\":\"b\"}"));
        assertThat(((Rejected) results.get(2)).code()).isEqualTo(RejectReason.INVALID_JSON);
        assertThat(results.get(2).raw()).isEqualTo(RawInput.of("7"));
    }
}
