package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bellwether.avro.Article;
import io.bellwether.ingest.source.FeedFetcher;
import io.bellwether.ingest.source.FeedHttp;
import io.bellwether.ingest.source.FeedPoller;
import io.bellwether.ingest.source.FeedSpec;
import io.bellwether.ingest.source.FullTextFetcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds served by a local HTTP server, polled into a real broker. */
class FeedPollerKafkaTest {
    private static final String LAST_MODIFIED = "Mon, 02 Jun 2025 12:00:00 GMT";
    private static IngestKafka fixture;
    private static HttpServer server;
    private static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private static final List<Map<String, String>> conditionalHeaders = new CopyOnWriteArrayList<>();
    private static final Map<String, String> bodies = new ConcurrentHashMap<>();

    private final TestClock clock = new TestClock(Instant.now());

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        fixture = IngestKafka.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", FeedPollerKafkaTest::serve);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        fixture.close();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String body = bodies.get(path);
        try (exchange) {
            if (path.equals("/etag.xml")) {
                String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
                String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                conditionalHeaders.add(Map.of("If-None-Match", String.valueOf(etag), "If-Modified-Since",
                        String.valueOf(since)));
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                if ("\"v1\"".equals(etag)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html" : "application/rss+xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>" + String.join("", items)
                + "</channel></rss>";
    }

    private static String item(String title, String link, String description) {
        return "<item><title>" + title + "</title><link>" + link + "</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT"
                + "</pubDate><description>" + description + "</description></item>";
    }

    private FeedPoller poller(ArticleIngest ingest, FeedOptions options, FeedSpec... feeds) {
        FeedHttp http = FeedHttp.of(HttpClient.newHttpClient(), options);
        return new FeedPoller(List.of(feeds), options, new FeedFetcher(http), Optional.of(new FullTextFetcher(http)),
                ingest, ingest.metrics(), clock, fixture.progress::add);
    }

    private void pollAfter(FeedPoller poller, Duration wait) {
        clock.advance(wait);
        poller.pollDue();
    }

    private List<Article> titled(String prefix) {
        return fixture.articles(1000, Duration.ofSeconds(5)).stream().map(record -> record.value())
                .filter(article -> article.getTitle().startsWith(prefix)).toList();
    }

    @Test
    void publishesTheItemsThenPollsConditionallyAndTakesA304() {
        bodies.put("/etag.xml", rss(item("etag one", url("/a/1?utm_source=rss"), "First."),
                item("etag two", url("/a/2"), "Second."), item("etag three", url("/a/3"), "Third.")));
        FeedOptions options = FeedOptions.defaults();
        try (ArticleIngest ingest = fixture.open(IngestConfig.defaults(IngestChannel.RSS), clock)) {
            FeedPoller poller = poller(ingest, options, new FeedSpec("local", URI.create(url("/etag.xml"))));
            poller.pollDue();
            pollAfter(poller, options.pollInterval());
            assertThat(ingest.summary()).isEqualTo(new IngestSummary(3, 0, 0));
        }
        assertThat(conditionalHeaders).hasSize(2);
        assertThat(conditionalHeaders.get(1))
                .containsEntry("If-None-Match", "\"v1\"").containsEntry("If-Modified-Since", LAST_MODIFIED);
        assertThat(titled("etag ")).extracting(Article::getSource).containsOnly("local");
        assertThat(titled("etag ")).extracting(Article::getUrl).contains(url("/a/1"));
        assertThat(fixture.registry.get("ingest.feed.polls").tags("feed", "local", "outcome", "not_modified")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void neverResolvesAnExternalEntityInAFeed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "XXE-SECRET-VALUE");
        bodies.put("/xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY file SYSTEM \"" + secret.toUri()
                + "\"><!ENTITY remote SYSTEM \"" + url("/leak") + "\">]><rss version=\"2.0\"><channel><title>x"
                + "</title>" + item("xxe &file;", url("/x/1"), "&remote;") + "</channel></rss>");
        try (ArticleIngest ingest = fixture.open(IngestConfig.defaults(IngestChannel.RSS), clock)) {
            poller(ingest, FeedOptions.defaults(), FeedSpec.of(url("/xxe.xml"))).pollDue();
            assertThat(ingest.summary().published()).isZero();
        }
        assertThat(hits).doesNotContainKey("/leak");
        assertThat(fixture.articles(1000, Duration.ofSeconds(3))).noneMatch(record ->
                record.value().getTitle().contains("XXE-SECRET") || record.value().getBody().contains("XXE-SECRET"));
        assertThat(fixture.progress).anyMatch(line -> line.startsWith("feed 127.0.0.1 failed (1 in a row)"));
    }

    @Test
    void backsOffExponentiallyAfterErrors() {
        FeedOptions options = FeedOptions.defaults();
        try (ArticleIngest ingest = fixture.open(IngestConfig.defaults(IngestChannel.RSS), clock)) {
            FeedPoller poller = poller(ingest, options, new FeedSpec("down", URI.create(url("/down.xml"))));
            poller.pollDue();
            pollAfter(poller, options.pollInterval());
            assertThat(hits.get("/down.xml")).hasValue(1);
            pollAfter(poller, options.pollInterval());
            assertThat(hits.get("/down.xml")).hasValue(2);
            pollAfter(poller, options.pollInterval().multipliedBy(3));
            assertThat(hits.get("/down.xml")).hasValue(2);
        }
        assertThat(fixture.progress).contains("feed down failed (2 in a row), next try in PT20M: HTTP 500");
    }

    @Test
    void fetchesTheLinkedPageWhenAnItemHasOnlyASummary() {
        bodies.put("/full.xml", rss(item("full text item", url("/story.html"), "Teaser only.")));
        bodies.put("/story.html", "<html><head><title>Story</title></head><body><nav>Menu</nav><article>"
                + "<p>The whole story about open weights.</p><p>Second paragraph.</p></article></body></html>");
        try (ArticleIngest ingest = fixture.open(IngestConfig.defaults(IngestChannel.RSS), clock)) {
            poller(ingest, FeedOptions.defaults().withFullText(true), FeedSpec.of(url("/full.xml"))).pollDue();
        }
        assertThat(titled("full text item")).singleElement().extracting(Article::getBody)
                .isEqualTo("The whole story about open weights.\n\nSecond paragraph.");
    }
}
