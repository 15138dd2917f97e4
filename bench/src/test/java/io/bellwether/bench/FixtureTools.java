package io.bellwether.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two small command-line tools with the stock command line's and analyze's interfaces, so that the whole-process
 * phase's wiring (arguments, outputs, counts, exit codes) runs on real child JVMs in a second, without CoreNLP.
 */
final class FixtureTools {
    private FixtureTools() {
    }

    /** Like CoreNLP's: {@code -filelist LIST -outputDirectory DIR}; one output per listed file. */
    static final class Stock {
        public static void main(String[] args) throws IOException {
            List<String> list = List.of(args);
            Path fileList = Path.of(list.get(list.indexOf("-filelist") + 1));
            Path output = Path.of(list.get(list.indexOf("-outputDirectory") + 1));
            for (String file : Files.readAllLines(fileList, StandardCharsets.UTF_8)) {
                Path name = Path.of(file).getFileName();
                Files.writeString(output.resolve(name + ".json"), "{}");
            }
        }
    }

    /** Like analyze: {@code [--set K=V]... DIR...}; one line per file on stdout. */
    static final class Analyze {
        public static void main(String[] args) throws IOException {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--set")) {
                    i++;
                } else if (args[i].equals("fail")) {
                    System.err.println("analyze: refused on purpose");
                    System.exit(1);
                } else {
                    try (Stream<Path> files = Files.list(Path.of(args[i]))) {
                        files.sorted().forEach(file -> System.out.println("{\"file\":\"" + file.getFileName() + "\"}"));
                    }
                }
            }
        }
    }
}
