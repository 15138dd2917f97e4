package io.bellwether.ingest.article;

/** A draft after identity and time rules: an article ready to publish, or a rejection. */
public sealed interface Assembly permits Ready, Rejected {
}
