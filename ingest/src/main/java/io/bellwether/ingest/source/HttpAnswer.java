package io.bellwether.ingest.source;

import java.net.http.HttpHeaders;

/** The outcome of one {@link FeedHttp} GET: an answer with its bounded body, or a refusal with its reason. */
public sealed interface HttpAnswer {

    /** The final (non-redirect) answer; the body is empty unless the status is 2xx. */
    record Answered(int status, HttpHeaders headers, byte[] body) implements HttpAnswer {
    }

    /** Not fetched, or not read to the end: a redirect, size, encoding or I/O problem, named. */
    record Refused(String reason) implements HttpAnswer {
    }
}
