package io.bellwether.bench;

import io.bellwether.runtime.broker.EmbeddedBroker;
import io.bellwether.runtime.service.ScratchDir;
import java.nio.file.Path;

/** An {@link EmbeddedBroker} in a fresh temporary directory, with a state directory for Streams; both deleted on close. */
public final class BenchBroker implements AutoCloseable {
    private final ScratchDir root = new ScratchDir("bellwether-bench");
    private final EmbeddedBroker broker = EmbeddedBroker.start(0, root.path().resolve("broker"));

    public EmbeddedBroker broker() {
        return broker;
    }

    public Path stateDir() {
        return root.path().resolve("state");
    }

    @Override
    public void close() {
        broker.close();
        root.close();
    }
}
