package io.bellwether.ingest.source;

import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads articles from files and directories ({@code .txt}, {@code .json}, {@code .jsonl}, {@code .html}) and
 * hands each parse result, with the raw bytes it came from, to a consumer. Directories are walked recursively in
 * sorted path order, so a re-run sees the same sequence; files of other types inside directories are passed over.
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
                sink.accept(new Rejected(path.toString(), 0, RejectReason.UNREADABLE, "no such file or directory"));
            } else if (format(path).isEmpty()) {
                sink.accept(new Rejected(path.toString(), 0, RejectReason.UNSUPPORTED, "unsupported file type "
                        + "(expected .txt, .json, .jsonl, .html)"));
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
            if (format(file).equals("jsonl")) {
                readLines(file, modified, sink);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            Optional<String> text = StrictUtf8.decode(bytes);
            if (bytes.length == 0) {
                sink.accept(new Rejected(name, 0, RejectReason.EMPTY, "empty file"));
            } else if (text.isEmpty()) {
                sink.accept(new Rejected(name, 0, RejectReason.NOT_UTF8, "not UTF-8 text", new RawInput(bytes)));
            } else {
                parse(file, text.get(), modified).forEach(result -> sink.accept(result.withRawIfAbsent(
                        new RawInput(bytes))));
            }
        } catch (IOException e) {
            sink.accept(new Rejected(name, 0, RejectReason.UNREADABLE, "cannot read: " + e.getMessage()));
        }
    }

    private List<ParseResult> parse(Path file, String text, Instant modified) {
        String name = file.toString();
        return switch (format(file)) {
            case "json" -> json.parseDocument(name, text, modified);
            case "html", "htm" -> List.of(html.parse(name, text, modified));
            default -> List.of(txt.parse(name, text, modified));
        };
    }

    /**
     * JSONL exports can be large, so they are streamed line by line rather than read whole; a line that is not
     * UTF-8 is rejected alone. A file without a single non-blank line is rejected as empty.
     */
    private void readLines(Path file, Instant modified, Consumer<ParseResult> sink) throws IOException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in);
            int number = 0;
            int filled = 0;
            for (byte[] bytes = lines.next(); bytes != null; bytes = lines.next()) {
                number++;
                Optional<String> line = StrictUtf8.decode(bytes);
                if (line.isEmpty() || !line.get().isBlank()) {
                    filled++;
                }
                if (line.isEmpty()) {
                    sink.accept(new Rejected(name, number, RejectReason.NOT_UTF8, "not UTF-8 text",
                            new RawInput(bytes)));
                } else if (!line.get().isBlank()) {
                    sink.accept(json.parseLine(name, number, line.get(), modified));
                }
            }
            if (filled == 0) {
                sink.accept(new Rejected(name, 0, RejectReason.EMPTY, "empty file"));
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
