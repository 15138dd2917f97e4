package io.bellwether.ingest.source;

/** The main text of the page a feed item links to, or why there is none. */
public sealed interface FullText {

    record Found(String text) implements FullText {
    }

    /** Not fetched, refused (redirect, size) or not a readable HTML page; the reason names which. */
    record Missing(String reason) implements FullText {
    }
}
