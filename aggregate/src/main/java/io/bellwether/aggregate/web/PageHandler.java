package io.bellwether.aggregate.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The narrative page: GET {@code /} and its script and style from this jar, uPlot from its webjar under
 * {@code /vendor/}. Mount it at {@code /} beside the query API at {@code /api/}; the page reads only that API, so
 * it works on any aggregate instance. Every other path is 404. A strict Content-Security-Policy allows scripts
 * from this origin only, so text in the data can never run as code even if it reached the markup.
 */
public final class PageHandler implements HttpHandler {
    private static final String OWN = "/io/bellwether/aggregate/web/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    static final String POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(String resource, String type) {
    }

    private final Map<String, Asset> assets;

    public PageHandler() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        this.assets = Map.of(
                "/", new Asset(OWN + "index.html", "text/html; charset=utf-8"),
                "/page.js", new Asset(OWN + "page.js", "text/javascript; charset=utf-8"),
                "/page.css", new Asset(OWN + "page.css", "text/css; charset=utf-8"),
                "/vendor/uPlot.iife.min.js", new Asset(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "/vendor/uPlot.min.css", new Asset(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
    }

    /** The uPlot version on the class path, from its webjar's Maven metadata: the pom pins it once. */
    private static String uplotVersion() {
        try (InputStream in = PageHandler.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar (org.webjars.npm:uplot) is not on the class path");
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Optional<Asset> asset = Optional.ofNullable(assets.get(exchange.getRequestURI().getPath()));
        byte[] body;
        int status;
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            status = 405;
            body = "only GET\n".getBytes(StandardCharsets.UTF_8);
        } else if (asset.isEmpty()) {
            status = 404;
            body = ("no page at " + exchange.getRequestURI().getPath() + "; the narrative page is at /\n")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            body = read(asset.get().resource());
            exchange.getResponseHeaders().set("Content-Type", asset.get().type());
        }
        if (status != 200) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = PageHandler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource missing from the jar: " + resource);
            }
            return in.readAllBytes();
        }
    }
}
