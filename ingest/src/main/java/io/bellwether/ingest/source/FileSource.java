package io.bellwether.ingest.source;

import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Rejected;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads articles from files and directories ({@code .txt}, {@code .json}, {@code .jsonl}, {@code .html}) and
 * hands each parse result to a consumer. Directories are walked recursively in sorted path order, so a re-run
 * sees the same sequence; files of other types inside directories are passed over.
 */
public final class FileSource {
    private final TxtParser txt = new TxtParser();
    private final JsonArticleParser json = new JsonArticleParser();
    private final HtmlParser html = new HtmlParser();

    public void read(List<Path> paths, Consumer<ParseResult> sink) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                walk(path).forEach(file -> readFile(file, sink));
            } else if (!Files.isRegularFile(path)) {
                sink.accept(new Rejected(path.toString(), 0, "no such file or directory"));
            } else if (format(path).isEmpty()) {
                sink.accept(new Rejected(path.toString(), 0, "unsupported file type (expected .txt, .json, "
                        + ".jsonl, .html)"));
            } else {
                readFile(path, sink);
            }
        }
    }

    private static List<Path> walk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !format(file).isEmpty())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private void readFile(Path file, Consumer<ParseResult> sink) {
        String name = file.toString();
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            switch (format(file)) {
                case "jsonl" -> readLines(file, modified, sink);
                case "json" -> json.parseDocument(name, Files.readString(file), modified).forEach(sink);
                case "html", "htm" -> sink.accept(html.parse(name, Files.readString(file), modified));
                default -> sink.accept(txt.parse(name, Files.readString(file), modified));
            }
        } catch (CharacterCodingException e) {
            sink.accept(new Rejected(name, 0, "not UTF-8 text"));
        } catch (IOException e) {
            sink.accept(new Rejected(name, 0, "cannot read: " + e.getMessage()));
        }
    }

    /** JSONL exports can be large, so they are streamed line by line rather than read whole. */
    private void readLines(Path file, Instant modified, Consumer<ParseResult> sink) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    sink.accept(json.parseLine(file.toString(), number, line, modified));
                }
            }
        }
    }

    private static String format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "txt", "json", "jsonl", "html", "htm" -> extension;
            default -> "";
        };
    }
}
