package io.bellwether.ingest.article;

import io.bellwether.avro.Article;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.TimeRules;
import io.bellwether.ingest.identity.ArticleIds;
import io.bellwether.ingest.identity.UrlCanonicalizer;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a draft into an {@link Article}: checks title and body, canonicalises the URL, derives the stable id,
 * applies the time rules (stated time, else the draft's fallback; absurd or unreadable times are rejected).
 */
public final class ArticleAssembler {
    private final TimeRules rules;
    private final IngestChannel channel;
    private final Clock clock;
    private final UrlCanonicalizer urls;
    private final ArticleIds ids;
    private final EventTimes times = new EventTimes();

    public ArticleAssembler(TimeRules rules, IngestChannel channel, Clock clock, UrlCanonicalizer urls,
            ArticleIds ids) {
        this.rules = rules;
        this.channel = channel;
        this.clock = clock;
        this.urls = urls;
        this.ids = ids;
    }

    /** Assembles a parsed input; a rejected one stays rejected, and a rejection keeps the input's raw bytes. */
    public Assembly assemble(ParseResult result) {
        if (result instanceof Parsed parsed) {
            Assembly assembly = assemble(parsed.draft());
            return assembly instanceof Rejected rejected ? rejected.withRawIfAbsent(parsed.raw()) : assembly;
        }
        return (Rejected) result;
    }

    public Assembly assemble(ArticleDraft draft) {
        if (blank(draft.title())) {
            return reject(draft, RejectReason.MISSING_FIELD, "missing title");
        }
        if (blank(draft.body())) {
            return reject(draft, RejectReason.MISSING_FIELD, "missing body");
        }
        Optional<String> url = Optional.empty();
        if (!blank(draft.url())) {
            url = urls.canonicalize(draft.url());
            if (url.isEmpty()) {
                return reject(draft, RejectReason.BAD_URL,
                        "url is not an absolute http(s) URL: " + draft.url().trim());
            }
        }
        Optional<Instant> stated;
        try {
            stated = blank(draft.publishedAt()) ? Optional.empty() : Optional.of(times.parse(draft.publishedAt()));
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return reject(draft, RejectReason.BAD_TIMESTAMP,
                    "unparseable publishedAt '" + draft.publishedAt().trim() + "'");
        }
        Instant now = clock.instant();
        Instant publishedAt = stated.orElse(draft.fallbackTime() == null ? now : draft.fallbackTime());
        Optional<String> absurd = absurdity(publishedAt, now);
        if (absurd.isPresent()) {
            return reject(draft, RejectReason.BAD_TIMESTAMP, absurd.get());
        }
        return new Ready(article(draft, url, stated, publishedAt, now));
    }

    private Article article(ArticleDraft draft, Optional<String> url, Optional<Instant> stated, Instant publishedAt,
            Instant now) {
        String source = source(draft, url);
        String title = draft.title().strip();
        String guid = blank(draft.guid()) ? null : draft.guid().strip();
        String id = blank(draft.id()) ? ids.idFor(url, source, guid, title, stated) : draft.id().strip();
        return Article.newBuilder()
                .setId(id)
                .setSource(source)
                .setUrl(url.orElse(null))
                .setGuid(guid)
                .setTitle(title)
                .setBody(draft.body().strip())
                .setAuthor(blank(draft.author()) ? null : draft.author().strip())
                .setLanguage(language(draft.language()))
                .setPublishedAt(publishedAt)
                .setIngestedAt(now)
                .setIngestChannel(channel.wireName())
                .build();
    }

    private Optional<String> absurdity(Instant publishedAt, Instant now) {
        if (publishedAt.isBefore(rules.earliest())) {
            return Optional.of("publishedAt " + publishedAt + " is before " + rules.earliest());
        }
        if (publishedAt.isAfter(now.plus(rules.maxFuture()))) {
            return Optional.of("publishedAt " + publishedAt + " is more than " + rules.maxFuture()
                    + " in the future");
        }
        return Optional.empty();
    }

    private static String source(ArticleDraft draft, Optional<String> url) {
        if (!blank(draft.source())) {
            return draft.source().strip();
        }
        return url.map(u -> URI.create(u).getHost()).orElse("unknown");
    }

    /** ISO 639-1 is all the schema promises: "en-US" and "EN" both become "en". */
    private static String language(String raw) {
        if (blank(raw)) {
            return null;
        }
        String code = raw.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return code.length() == 2 ? code : null;
    }

    private static Rejected reject(ArticleDraft draft, RejectReason code, String reason) {
        return new Rejected(draft.file(), draft.line(), code, reason);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
