package io.bellwether.ingest.article;

/** What a parser made of one input (a file, a line, a feed item, a pushed object): a draft or a rejection. */
public sealed interface ParseResult permits Parsed, Rejected {
}
