package io.bellwether.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The real Prometheus server (Debian package {@code prometheus}) scraping one target every second, on loopback. */
final class PrometheusServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PrometheusServer scraping(String target, Path dir) throws Exception {
        Path binary = Path.of("/usr/bin/prometheus");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("the Prometheus server is missing: install the Debian package"
                    + " 'prometheus' (apt-get install -y prometheus)");
        }
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n"
                + "scrape_configs:\n  - job_name: demo\n    static_configs:\n      - targets: ['" + target + "']\n");
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port);
        server.awaitReady();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        for (int i = 0; i < 300; i++) {
            try {
                if (http.send(request("/-/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Prometheus did not become ready on port " + port);
    }

    /** The {@code data.result} of a range query over [from, to] at 1 s steps; fails on a query error. */
    JsonNode queryRange(String expr, Instant from, Instant to) throws Exception {
        String path = "/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&start=" + from.getEpochSecond() + "&end=" + to.getEpochSecond() + "&step=1";
        JsonNode body = json.readTree(http.send(request(path), HttpResponse.BodyHandlers.ofString()).body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("query failed: " + expr + ": " + body.path("error").asText());
        }
        return body.path("data").path("result");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .GET().build();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
