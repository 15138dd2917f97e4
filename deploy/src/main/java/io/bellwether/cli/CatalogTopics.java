package io.bellwether.cli;

import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.TopicCreator;
import io.bellwether.schemas.Topics;
import java.io.PrintWriter;

/** Creates the catalog topics a command needs when they are missing (idempotent), saying which it created. */
public final class CatalogTopics {
    private final Settings settings;

    public CatalogTopics(Settings settings) {
        this.settings = settings;
    }

    public void ensure(Topics topics, PrintWriter out) {
        TopicCreator.from(settings).create(topics.all()).lines().stream()
                .filter(line -> line.startsWith("created"))
                .forEach(line -> out.println("topics: " + line));
    }
}
