package io.bellwether.ingest.source;

import io.bellwether.ingest.FeedOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GETs feeds and linked pages for ingest: follows redirects by hand under a {@link RedirectRule} and reads the
 * body through a {@link BoundedBody}, so every refusal comes back as an {@link HttpAnswer.Refused} naming the
 * redirect, size or encoding. The client must not follow redirects itself, or the rule would be bypassed.
 */
public final class FeedHttp {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private final HttpClient http;
    private final Duration timeout;
    private final RedirectRule rule = new RedirectRule();
    private final BoundedBody body;

    public FeedHttp(HttpClient http, Duration timeout, int maxBytes) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("FeedHttp follows redirects itself: the HttpClient must use "
                    + "Redirect.NEVER, was " + http.followRedirects());
        }
        this.http = http;
        this.timeout = timeout;
        this.body = new BoundedBody(maxBytes);
    }

    /** A GET with the timeout and size limit of {@code options}, over a client that never follows redirects. */
    public static FeedHttp of(HttpClient http, FeedOptions options) {
        return new FeedHttp(http, options.httpTimeout(), options.maxBytes());
    }

    /** GETs {@code url} with {@code headers}, following allowed redirects. */
    public HttpAnswer get(URI url, Map<String, String> headers) {
        Optional<String> scheme = rule.schemeRefusal(url);
        if (scheme.isPresent()) {
            return new HttpAnswer.Refused(url + " refused: " + scheme.get());
        }
        URI current = url;
        try {
            for (int hop = 0; ; hop++) {
                HttpResponse<InputStream> response = http.send(request(current, headers),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (!REDIRECTS.contains(response.statusCode())) {
                    return answer(response);
                }
                response.body().close();
                Optional<String> location = response.headers().firstValue("Location");
                if (hop == RedirectRule.MAX_HOPS || location.isEmpty()) {
                    return new HttpAnswer.Refused(location.isEmpty() ? "HTTP " + response.statusCode()
                            + " redirect without Location" : "more than " + RedirectRule.MAX_HOPS + " redirects");
                }
                URI next = current.resolve(location.get());
                Optional<String> refusal = rule.refusal(current, next);
                if (refusal.isPresent()) {
                    return new HttpAnswer.Refused("redirect to " + next + " refused: " + refusal.get());
                }
                current = next;
            }
        } catch (IllegalArgumentException e) {
            return new HttpAnswer.Refused("unusable URL after " + current + ": " + e.getMessage());
        } catch (IOException e) {
            return new HttpAnswer.Refused(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpAnswer.Refused("interrupted");
        }
    }

    /** A 2xx answer with its bounded body; any other status without one. */
    private HttpAnswer answer(HttpResponse<InputStream> response) throws IOException {
        try (InputStream stream = response.body()) {
            if (response.statusCode() / 100 != 2) {
                return new HttpAnswer.Answered(response.statusCode(), response.headers(), new byte[0]);
            }
            return body.read(response.statusCode(), response.headers(), stream);
        }
    }

    private HttpRequest request(URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("User-Agent", FeedFetcher.USER_AGENT).header("Accept-Encoding", "gzip");
        headers.forEach(request::header);
        return request.build();
    }
}
