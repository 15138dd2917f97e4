package io.bellwether.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bellwether.ingest.ArticleIngest;
import io.bellwether.ingest.PushOptions;
import io.bellwether.ingest.article.Assembly;
import io.bellwether.ingest.article.ParseResult;
import io.bellwether.ingest.article.Parsed;
import io.bellwether.ingest.article.RawInput;
import io.bellwether.ingest.article.Ready;
import io.bellwether.ingest.article.RejectReason;
import io.bellwether.ingest.article.Rejected;
import io.bellwether.ingest.publish.Admission;
import io.bellwether.runtime.http.HeaderDeadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /articles} with a JSON object or array: every article is validated first, then published and
 * committed, and the answer is 202 with their ids. A body that is not well-formed UTF-8, invalid JSON or a missing
 * field is a 400 naming it (and the body is dead-lettered under the key {@code http}), an oversized body 413, a
 * missing or wrong bearer token (when one is configured) 401. A client that does not finish sending its headers
 * within the {@link HeaderDeadline} is disconnected.
 */
public final class PushEndpoint implements AutoCloseable {
    /** The dead-letter key and file label of everything pushed: requests have no path of their own. */
    private static final String ORIGIN = "http";
    private final HttpServer server;
    private final HeaderDeadline workers;
    private final PushOptions options;
    private final BearerToken token;
    private final ArticleIngest ingest;
    private final Clock clock;
    private final JsonArticleParser parser = new JsonArticleParser();
    private final ObjectMapper json = new ObjectMapper();
    private final Object commits = new Object();

    public PushEndpoint(PushOptions options, ArticleIngest ingest, Clock clock) throws IOException {
        this(options, ingest, clock, HeaderDeadline.DEFAULT);
    }

    /** An endpoint that disconnects clients whose headers take longer than {@code headerDeadline} to arrive. */
    public PushEndpoint(PushOptions options, ArticleIngest ingest, Clock clock, Duration headerDeadline)
            throws IOException {
        this.options = options;
        this.ingest = ingest;
        this.clock = clock;
        this.token = new BearerToken(options.bearerToken());
        this.server = HttpServer.create(new InetSocketAddress(options.bindAddress(), options.port()), 0);
        // Many workers, so slow clients cannot hold up the others while they send; commits still go one at a time.
        this.workers = new HeaderDeadline("bellwether-push", HeaderDeadline.DEFAULT_WORKERS, headerDeadline);
        server.setExecutor(workers);
        workers.guard(server.createContext("/articles", this::handle));
    }

    public void start() {
        server.start();
    }

    /** The bound port, useful when {@code port} 0 asked for any free one. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, error("only POST is supported"));
            } else if (!token.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                respond(exchange, 401, error("missing or wrong bearer token"));
            } else if (declaredLength(exchange) > options.maxBodyBytes()) {
                respond(exchange, 413, error("body exceeds " + options.maxBodyBytes() + " bytes"));
            } else {
                byte[] body = readLimited(exchange.getRequestBody());
                if (body.length > options.maxBodyBytes()) {
                    respond(exchange, 413, error("body exceeds " + options.maxBodyBytes() + " bytes"));
                } else {
                    synchronized (commits) {
                        accept(exchange, body);
                    }
                }
            }
        }
    }

    private void accept(HttpExchange exchange, byte[] body) throws IOException {
        Optional<String> decoded = StrictUtf8.decode(body);
        if (decoded.isEmpty()) {
            refuse(exchange, List.of(new Rejected("body", 0, RejectReason.NOT_UTF8, "not UTF-8 text")), body);
            return;
        }
        String text = decoded.get();
        List<Ready> ready = new ArrayList<>();
        List<Rejected> problems = new ArrayList<>();
        for (ParseResult result : parser.parseDocument("body", text, clock.instant())) {
            Assembly assembly = result instanceof Parsed parsed ? ingest.assemble(parsed.draft()) : (Rejected) result;
            if (assembly instanceof Ready article) {
                ready.add(article);
            } else {
                problems.add((Rejected) assembly);
            }
        }
        if (!problems.isEmpty() || ready.isEmpty()) {
            refuse(exchange, problems, body);
            return;
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode ids = answer.putArray("ids");
        ArrayNode duplicates = answer.putArray("duplicates");
        ArrayNode tooLarge = answer.putArray("tooLarge");
        for (Ready article : ready) {
            Admission admission = ingest.publish(article.article(), ORIGIN, 0, new RawInput(body));
            switch (admission.status()) {
                case QUEUED -> ids.add(admission.id());
                case DUPLICATE -> duplicates.add(admission.id());
                case TOO_LARGE -> tooLarge.add(admission.id());
            }
        }
        ingest.flush();
        respond(exchange, 202, answer);
    }

    /** Answers 400 naming every problem, after the body's dead letter is committed. */
    private void refuse(HttpExchange exchange, List<Rejected> problems, byte[] body) throws IOException {
        String reason = problems.isEmpty() ? "no articles in body"
                : String.join("; ", problems.stream().map(Rejected::describe).toList());
        RejectReason code = problems.isEmpty() ? RejectReason.EMPTY : problems.get(0).code();
        ingest.skip(new Rejected(ORIGIN, 0, code, reason, new RawInput(body)));
        ingest.flush();
        respond(exchange, 400, error(reason));
    }

    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads at most one byte past the limit: enough to know the body is too large without buffering it. */
    private byte[] readLimited(InputStream in) throws IOException {
        return in.readNBytes(options.maxBodyBytes() + 1);
    }

    private ObjectNode error(String reason) {
        return json.createObjectNode().put("error", reason);
    }

    private void respond(HttpExchange exchange, int status, ObjectNode answer) throws IOException {
        ingest.metrics().pushRequest(status);
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        workers.close();
    }
}
