package io.bellwether.ingest;

/** Receives the human-readable progress, skip and warning lines of an ingest run (the CLI prints them). */
@FunctionalInterface
public interface ProgressSink {
    void line(String text);
}
