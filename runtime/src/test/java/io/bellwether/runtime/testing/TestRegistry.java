package io.bellwether.runtime.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apicurio Registry (in-memory storage, HTTP on 127.0.0.1) run as a separate {@code java -jar} process
 * from the distribution Maven unpacks into {@code target/apicurio-registry}; {@link #start} returns once its
 * readiness check answers. It needs Java 21+, found through the system property {@code bellwether.registry.java}.
 * Test classes share one through {@link SharedRegistry}.
 */
public final class TestRegistry implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String CCOMPAT = "/apis/ccompat/v7";

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private TestRegistry(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the registry and waits until it is ready; fails with what is missing when it cannot. */
    public static TestRegistry start() throws IOException, InterruptedException {
        Path home = Path.of(required("bellwether.registry.home"));
        Path runner = runnerJar(home);
        Path java = Path.of(required("bellwether.registry.java"));
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("no Java 21+ launcher at " + java + " for Apicurio Registry; install"
                    + " one (e.g. Temurin 25) and pass -Dregistry.java=/path/to/bin/java to Maven");
        }
        int port = freePort();
        int managementPort = freePort();
        Path log = home.resolve("registry-" + port + ".log");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                // Health and metrics live on a separate management interface, by default 0.0.0.0:9000.
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                // In-memory H2 is the app's default; said explicitly so a changed default cannot leave files.
                "-Dapicurio.storage.kind=sql", "-Dapicurio.storage.sql.kind=h2",
                "-Dapicurio.datasource.url=jdbc:h2:mem:bellwether-test",
                "-jar", runner.toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        TestRegistry registry = new TestRegistry(process, port, managementPort, log);
        registry.awaitReady();
        return registry;
    }

    /** The Confluent-compatible API, what {@code schema.registry.url} and other clients (kafkajs, Python) take. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port + CCOMPAT);
    }

    /** The server's root, where Apicurio's own API lives; not a Confluent-compatible API. */
    public URI root() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** GET of a path under {@link #url}; the body when the status is 200, else an exception. */
    public String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    /** POST of a JSON body to a path under {@link #url}, e.g. a schema to register; the answer when 200. */
    public String post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json"));
    }

    /** PUT of a JSON body to a path under {@link #url}, e.g. a subject's compatibility level; the answer when 200. */
    public String put(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).PUT(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json"));
    }

    private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(built,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue()
                        + " before it was ready; log " + log + ":\n" + tail());
            }
            try {
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready")));
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        close();
        throw new IllegalStateException("Apicurio Registry not ready within " + STARTUP + "; log " + log + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static Path runnerJar(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("no Apicurio Registry at " + home + ": run the tests through Maven,"
                    + " whose generate-test-resources phase unpacks io.apicurio:apicurio-registry-app:all:tar.gz there");
        }
        // Quarkus fast-jar layout since 3.1 (quarkus-run.jar); older distributions had NAME-runner.jar.
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().equals("quarkus-run.jar")
                            || file.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no quarkus-run.jar or *-runner.jar in " + home));
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through"
                    + " Maven (runtime/pom.xml sets it for surefire)");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
