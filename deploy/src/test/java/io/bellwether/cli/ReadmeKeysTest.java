package io.bellwether.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.aggregate.AggregateKeys;
import io.bellwether.enrich.EnrichKeys;
import io.bellwether.ingest.IngestKeys;
import io.bellwether.runtime.config.ConfigKey;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's configuration table names exactly the keys the modules declare: none missing, none stale. */
class ReadmeKeysTest {
    private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)`");

    @Test
    void listsEveryDeclaredKeyAndNoOther() throws IOException {
        Set<String> declared = new TreeSet<>();
        Stream.of(RuntimeKeys.all(), SchemaRegistryKeys.all(), IngestKeys.all(), EnrichKeys.all(),
                AggregateKeys.all()).flatMap(List::stream).map(ConfigKey::name).forEach(declared::add);

        assertThat(readmeTableKeys()).isEqualTo(declared);
    }

    private static Set<String> readmeTableKeys() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf("## Configuration");
        Set<String> keys = new TreeSet<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| key ")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                Matcher key = KEY.matcher(line.split("\\|")[1]);
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        return keys;
    }
}
