package io.bellwether.cli.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven through chromedriver's W3C WebDriver HTTP API (no client library): open a
 * page, run a script, find and click elements with a real pointer, take a screenshot.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final String base;
    private final String session;

    /** Null when chromium or chromedriver is not installed; why, for the skip message. */
    static String missing() {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(tool)) {
                return tool + " is not installed (Debian: apt-get install chromium chromium-driver)";
            }
        }
        return null;
    }

    private HeadlessChromium(Process driver, String base, String session) {
        this.driver = driver;
        this.base = base;
        this.session = session;
    }

    static HeadlessChromium start(Path logDir, int width, int height) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(logDir.resolve("chromedriver.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        HeadlessChromium probe = new HeadlessChromium(process, base, null);
        try {
            probe.awaitReady();
            Map<String, Object> options = Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless=new",
                    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                    "--window-size=" + width + "," + height));
            JsonNode created = probe.call("POST", "/session", Map.of("capabilities",
                    Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
            return new HeadlessChromium(process, base, created.path("sessionId").asText());
        } catch (Exception e) {
            process.destroy();
            throw e;
        }
    }

    private void awaitReady() throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still binding its port
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not become ready; see chromedriver.log");
    }

    void open(String url) throws Exception {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs {@code script} as a function body with {@code args} and returns its value as JSON. */
    JsonNode script(String script, Object... args) throws Exception {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** The id of the first element matching {@code css}. */
    String element(String css) throws Exception {
        return call("POST", "/session/" + session + "/element", Map.of("using", "css selector", "value", css))
                .path(ELEMENT).asText();
    }

    /** A real pointer click at ({@code x}, {@code y}) pixels from the top left of {@code element}. */
    void clickAt(String element, int x, int y, int width, int height) throws Exception {
        Map<String, Object> origin = Map.of(ELEMENT, element);
        List<Map<String, Object>> steps = List.of(
                Map.of("type", "pointerMove", "duration", 0, "origin", origin, "x", x - width / 2, "y", y - height / 2),
                Map.of("type", "pointerDown", "button", 0), Map.of("type", "pointerUp", "button", 0));
        call("POST", "/session/" + session + "/actions", Map.of("actions", List.of(Map.of("type", "pointer",
                "id", "mouse", "parameters", Map.of("pointerType", "mouse"), "actions", steps))));
    }

    void screenshot(Path png) throws Exception {
        String data = call("GET", "/session/" + session + "/screenshot", null).asText();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    private JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                    + answer.path("value").path("message").asText(response.body()));
        }
        return answer.path("value");
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (Exception e) {
            // the browser is gone already; chromedriver is stopped below either way
        } finally {
            driver.destroy();
        }
    }
}
