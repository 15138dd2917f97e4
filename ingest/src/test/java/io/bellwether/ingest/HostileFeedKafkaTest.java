package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bellwether.avro.Article;
import io.bellwether.ingest.source.FeedFetcher;
import io.bellwether.ingest.source.FeedHttp;
import io.bellwether.ingest.source.FeedPoller;
import io.bellwether.ingest.source.FeedSpec;
import io.bellwether.ingest.source.FullTextFetcher;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile feed hosts on loopback, each polled next to a good feed by one poller into a real broker: the hostile
 * feed is refused with a reason on the progress line and a failed poll, the good feed's item is published.
 */
class HostileFeedKafkaTest {
    private static IngestKafka fixture;
    private static HostileFeedServer server;

    private final TestClock clock = new TestClock(Instant.now());

    @BeforeAll
    static void start() throws Exception {
        fixture = IngestKafka.start();
        server = new HostileFeedServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        fixture.close();
    }

    private static String rss(String title, String link, String description) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title><item><title>" + title
                + "</title><link>" + link + "</link><pubDate>Mon, 02 Jun 2025 10:00:00 GMT</pubDate><description>"
                + description + "</description></item></channel></rss>";
    }

    /** A good feed named {@code name} whose one item is titled "NAME good item". */
    private static FeedSpec goodFeed(String name) {
        server.body("/good-" + name + ".xml", rss(name + " good item", server.url("/g/" + name), "Fine."));
        return FeedSpec.of(server.url("/good-" + name + ".xml"));
    }

    private static FeedSpec hostile(String name, String path) {
        return new FeedSpec(name, URI.create(server.url(path)));
    }

    private FeedPoller poller(ArticleIngest ingest, FeedOptions options, FeedSpec... feeds) {
        FeedHttp http = FeedHttp.of(HttpClient.newHttpClient(), options);
        return new FeedPoller(List.of(feeds), options, new FeedFetcher(http), Optional.of(new FullTextFetcher(http)),
                ingest, ingest.metrics(), clock, fixture.progress::add);
    }

    /** Polls the feeds once; returns the number of articles published. */
    private long pollOnce(FeedOptions options, FeedSpec... feeds) {
        try (ArticleIngest ingest = fixture.open(IngestConfig.defaults(IngestChannel.RSS), clock)) {
            poller(ingest, options, feeds).pollDue();
            return ingest.summary().published();
        }
    }

    private static List<String> titles() {
        return fixture.articles(1000, Duration.ofSeconds(3)).stream().map(record -> record.value())
                .map(Article::getTitle).toList();
    }

    private static List<String> progressOf(String feed) {
        return fixture.progress.stream().filter(line -> line.startsWith("feed " + feed + " ")).toList();
    }

    private static double failedPolls(String feed) {
        return fixture.registry.get("ingest.feed.polls").tags("feed", feed, "outcome", "failed").counter().count();
    }

    @Test
    void refusesAFeedRedirectingToAFileUrlAndTheOtherFeedGoesOn() {
        server.redirect("/to-file.xml", "file:///etc/passwd");
        long published = pollOnce(FeedOptions.defaults(), hostile("tofile", "/to-file.xml"), goodFeed("tofile"));
        assertThat(progressOf("tofile")).singleElement().asString()
                .contains("redirect to file:///etc/passwd refused");
        assertThat(failedPolls("tofile")).isEqualTo(1);
        assertThat(published).isEqualTo(1);
        assertThat(titles()).contains("tofile good item").doesNotContain("root");
    }

    @Test
    void refusesARedirectToAnotherPortOrHostAndTheOtherFeedGoesOn() {
        server.body("/moved.xml", rss("moved item", server.url("/m/1"), "Moved."));
        server.redirect("/to-port.xml", server.otherPortUrl("/moved.xml"));
        server.redirect("/to-host.xml", server.otherHostUrl("/moved.xml"));
        long published = pollOnce(FeedOptions.defaults(), hostile("toport", "/to-port.xml"),
                hostile("tohost", "/to-host.xml"), goodFeed("cross"));
        assertThat(progressOf("toport")).singleElement().asString()
                .contains("redirect to " + server.otherPortUrl("/moved.xml") + " refused");
        assertThat(progressOf("tohost")).singleElement().asString()
                .contains("redirect to " + server.otherHostUrl("/moved.xml") + " refused");
        assertThat(published).isEqualTo(1);
        assertThat(titles()).contains("cross good item").doesNotContain("moved item");
        assertThat(server.hits.get("/moved.xml")).isNull();
    }

    @Test
    void refusesALinkedPageRedirectingToAFileUrlAndKeepsTheSummary() {
        server.redirect("/page-to-file.html", "file:///etc/passwd");
        server.body("/with-page.xml", rss("page item", server.url("/page-to-file.html"), "Teaser."));
        long published = pollOnce(FeedOptions.defaults().withFullText(true),
                hostile("page", "/with-page.xml"), goodFeed("page"));
        assertThat(fixture.progress).anyMatch(line -> line.contains(server.url("/page-to-file.html"))
                && line.contains("redirect to file:///etc/passwd refused"));
        assertThat(published).isEqualTo(2);
        assertThat(fixture.articles(1000, Duration.ofSeconds(3))).map(record -> record.value())
                .filteredOn(article -> article.getTitle().equals("page item"))
                .singleElement().extracting(Article::getBody).isEqualTo("Teaser.");
    }

    @Test
    void stopsAGzipBombAtTheSizeLimitAfterDecompressionAndTheOtherFeedGoesOn() throws Exception {
        long published = pollOnce(FeedOptions.defaults(), hostile("bomb", "/bomb.xml"), goodFeed("bomb"));
        assertThat(progressOf("bomb")).singleElement().asString()
                .contains("larger than " + FeedOptions.defaults().maxBytes() + " bytes after gzip decoding");
        assertThat(failedPolls("bomb")).isEqualTo(1);
        assertThat(published).isEqualTo(1);
        assertThat(titles()).contains("bomb good item");
        HostileFeedServer.Streamed bomb = server.streamed("/bomb.xml");
        assertThat(bomb.awaitDone()).isTrue();
        assertThat(bomb.completed()).isFalse();
    }

    @Test
    void refusesA100MegabyteFeedAtTheSizeLimitWithoutReadingItAllAndTheOtherFeedGoesOn() throws Exception {
        long published = pollOnce(FeedOptions.defaults(), hostile("huge", "/huge.xml"), goodFeed("huge"));
        assertThat(progressOf("huge")).singleElement().asString()
                .contains("larger than " + FeedOptions.defaults().maxBytes() + " bytes");
        assertThat(failedPolls("huge")).isEqualTo(1);
        assertThat(published).isEqualTo(1);
        assertThat(titles()).contains("huge good item").doesNotContain("huge tail item");
        HostileFeedServer.Streamed huge = server.streamed("/huge.xml");
        assertThat(huge.awaitDone()).isTrue();
        assertThat(huge.completed()).isFalse();
        assertThat(huge.written().get()).isLessThan(HostileFeedServer.HUNDRED_MB / 2);
    }

    @Test
    void refusesABillionLaughsFeedAndTheOtherFeedGoesOn() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            entities.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        server.body("/laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]><rss version=\"2.0\">"
                + "<channel><title>laughs</title><item><title>laughs &lol9;</title><link>" + server.url("/l/1")
                + "</link><description>&lol9;</description></item></channel></rss>");
        long published = pollOnce(FeedOptions.defaults(), hostile("laughs", "/laughs.xml"), goodFeed("laughs"));
        assertThat(progressOf("laughs")).singleElement().asString().contains("unreadable feed");
        assertThat(failedPolls("laughs")).isEqualTo(1);
        assertThat(published).isEqualTo(1);
        assertThat(titles()).contains("laughs good item").noneMatch(title -> title.startsWith("laughs lol"));
    }
}
