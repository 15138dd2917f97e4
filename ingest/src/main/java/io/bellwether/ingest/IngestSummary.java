package io.bellwether.ingest;

/** What an ingest run did: articles published, duplicates recognised and inputs skipped with a reason. */
public record IngestSummary(long published, long duplicates, long skipped) {

    /** 0 when nothing was skipped, 1 when some input was skipped (duplicates are not failures). */
    public int exitCode() {
        return skipped == 0 ? 0 : 1;
    }

    public String describe() {
        return "published " + published + ", duplicates " + duplicates + ", skipped " + skipped;
    }
}
