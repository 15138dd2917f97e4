package io.bellwether.ingest;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's kcat as an outside client would: a missing kcat fails the test rather than skipping it. */
final class Kcat {
    /** The keys of every committed record on {@code topic}, one per line as kcat prints them. */
    List<String> keys(String bootstrap, String topic) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kcat", "-b", bootstrap, "-C", "-t", topic, "-o", "beginning", "-e", "-q",
                    "-f", "%k\\n", "-X", "isolation.level=read_committed")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return fail("kcat is not installed: install it with `apt-get install -y kafkacat` (" + e.getMessage() + ")");
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return fail("kcat failed with exit code " + (process.isAlive() ? "(timeout)" : process.exitValue()));
        }
        return new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.isEmpty()).toList();
    }
}
