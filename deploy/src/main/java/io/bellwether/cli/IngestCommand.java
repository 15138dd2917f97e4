package io.bellwether.cli;

import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.IngestChannel;
import io.bellwether.ingest.IngestConfig;
import io.bellwether.ingest.IngestKeys;
import io.bellwether.ingest.IngestSummary;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.source.FeedFetcher;
import io.bellwether.ingest.source.FeedHttp;
import io.bellwether.ingest.source.FeedPoller;
import io.bellwether.ingest.source.FeedSpec;
import io.bellwether.ingest.source.FileSource;
import io.bellwether.ingest.source.FullTextFetcher;
import io.bellwether.ingest.source.PushEndpoint;
import io.bellwether.runtime.config.RuntimeKeys;
import io.bellwether.runtime.config.SchemaRegistryKeys;
import io.bellwether.runtime.config.Settings;
import io.bellwether.runtime.kafka.KafkaSettings;
import io.bellwether.runtime.metrics.ServiceMetrics;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Publishes articles to news.articles from files, feeds or HTTP pushes; each article once (durable dedup). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish Article records to news.articles (key = article id, timestamp = publishedAt).",
        subcommands = {IngestCommand.Files.class, IngestCommand.Rss.class, IngestCommand.Http.class})
final class IngestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Settings settings(ConfigOptions config) {
        return config.resolve(RuntimeKeys.definition().plus(IngestKeys.all()));
    }

    static ArticleIngest open(IngestConfig config, Settings settings, ServiceMetrics metrics, PrintWriter out) {
        return ArticleIngest.open(config, SchemaRegistryKeys.forSettings(settings), new KafkaSettings(settings),
                metrics.registry(), Clock.systemUTC(),
                line -> {
                    out.println(line);
                    out.flush();
                });
    }

    @Command(name = "files", mixinStandardHelpOptions = true,
            description = {"Import .txt, .json, .jsonl and .html files (directories recursively).",
                "A malformed file or line is reported as file:line: reason and skipped.",
                "Exit code 0 when nothing was skipped, 1 when some input was."})
    static final class Files implements Callable<Integer> {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "files or directories")
        List<Path> paths;

        @Option(names = "--file-order", description = "publish in file order instead of event-time order"
                + " (event-time order holds the whole import in memory)")
        boolean fileOrder;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Settings settings = settings(config);
            new CatalogTopics(settings).ensure(SchemaRegistryKeys.forSettings(settings), out);
            try (ServiceMetrics metrics = new ServiceMetrics("ingest");
                 ArticleIngest ingest = open(IngestKeys.config(settings, IngestChannel.FILES), settings, metrics, out)) {
                if (fileOrder) {
                    new FileSource().read(paths, ingest::accept);
                } else {
                    List<ParseResult> all = new ArrayList<>();
                    new FileSource().read(paths, all::add);
                    ingest.acceptInEventTimeOrder(all);
                }
                ingest.flush();
                IngestSummary summary = ingest.summary();
                out.println("done: " + summary.describe());
                return summary.exitCode();
            }
        }
    }

    @Command(name = "rss", mixinStandardHelpOptions = true,
            description = {"Poll RSS 2.0 / Atom feeds (conditional GET, backoff on errors) until Ctrl-C.",
                "Keys: ingest.feed.poll-interval (PT5M), ingest.feed.full-text (false)."})
    static final class Rss implements Callable<Integer> {
        @Parameters(paramLabel = "URL", arity = "1..*", description = "feed URLs")
        List<String> urls;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Settings settings = settings(config);
            IngestConfig ingestConfig = IngestKeys.config(settings, IngestChannel.RSS);
            try (ServiceProcess process = new ServiceProcess("ingest", settings)) {
                process.ensureTopics(SchemaRegistryKeys.forSettings(settings), out);
                ArticleIngest ingest = open(ingestConfig, settings, process.metrics(), out);
                // Redirects are followed by FeedHttp under its own rule, never by the client.
                FeedHttp http = FeedHttp.of(HttpClient.newHttpClient(), ingestConfig.feed());
                Optional<FullTextFetcher> fullText = ingestConfig.feed().fetchFullText()
                        ? Optional.of(new FullTextFetcher(http)) : Optional.empty();
                FeedPoller poller = new FeedPoller(urls.stream().map(FeedSpec::of).toList(), ingestConfig.feed(),
                        new FeedFetcher(http), fullText, ingest, ingest.metrics(),
                        Clock.systemUTC(), out::println);
                return process.run(List.of(IngestServices.feeds(poller, ingest)), out);
            }
        }
    }

    @Command(name = "http", mixinStandardHelpOptions = true,
            description = {"Accept POST /articles (a JSON object or array) until Ctrl-C: 202 with the ids,"
                    + " 400 with the reason, 413 over ingest.push.max-body-bytes, 401 without the token when"
                    + " ingest.push.token is set."})
    static final class Http implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "PORT", description = "port of POST /articles (key ingest.push.port, default 8081)")
        String port;

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (port != null) {
                config.extra.put(IngestKeys.PUSH_PORT.name(), port);
            }
            Settings settings = settings(config);
            IngestConfig ingestConfig = IngestKeys.config(settings, IngestChannel.HTTP);
            try (ServiceProcess process = new ServiceProcess("ingest", settings)) {
                process.ensureTopics(SchemaRegistryKeys.forSettings(settings), out);
                ArticleIngest ingest = open(ingestConfig, settings, process.metrics(), out);
                PushEndpoint endpoint = new PushEndpoint(ingestConfig.push(), ingest, Clock.systemUTC());
                out.println("ingest: POST /articles on " + ingestConfig.push().bindAddress() + ":" + endpoint.port());
                return process.run(List.of(IngestServices.push(endpoint, ingest)), out);
            }
        }
    }
}
