package io.bellwether.replay;

/** How {@code bellwether export} writes records: one plain JSON object per line, or an Avro object container file. */
public enum ExportFormat {
    /** The bare record as plain JSON ({@code AvroJson}): what {@code ingest files} reads back. */
    JSONL,
    /** An Avro object container file with the topic's writer schema, readable by {@code avro-tools tojson}. */
    AVRO
}
