package io.bellwether.cli.bench;

import io.bellwether.runtime.broker.EmbeddedBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An {@link EmbeddedBroker} in a fresh temporary directory, with a state directory for Streams; both deleted on close. */
public final class BenchBroker implements AutoCloseable {
    private final Path root;
    private final EmbeddedBroker broker;

    public BenchBroker() {
        try {
            root = Files.createTempDirectory("bellwether-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedBroker.start(0, root.resolve("broker"));
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public Path stateDir() {
        return root.resolve("state");
    }

    @Override
    public void close() {
        broker.close();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
