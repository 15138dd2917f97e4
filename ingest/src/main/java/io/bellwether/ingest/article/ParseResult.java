package io.bellwether.ingest.article;

/** What a parser made of one input (a file, a line, a feed item, a pushed object): a draft or a rejection. */
public sealed interface ParseResult permits Parsed, Rejected {

    /** The raw bytes this input was read from; empty when the source had none to give. */
    RawInput raw();

    /** This result carrying {@code fallback} (e.g. the whole file) when its parser attached no bytes. */
    ParseResult withRawIfAbsent(RawInput fallback);
}
