package io.bellwether.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final HealthChecks health = new HealthChecks();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutdown() {
        background.shutdownNow();
    }

    @Test
    void startsInOrderAndClosesInReverseOrderOnStop() throws Exception {
        Recording http = new Recording("http");
        Recording streams = new Recording("streams");
        ServiceRunner runner = new ServiceRunner(List.of(http, streams), health);

        Future<ServiceRunner.Outcome> outcome = background.submit(runner::run);
        streams.started.await(10, TimeUnit.SECONDS);
        assertThat(health.snapshot()).containsOnlyKeys("http", "streams");
        runner.stop();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new ServiceRunner.Outcome.Stopped());
        assertThat(events).containsExactly("start http", "start streams", "close streams", "close http");
    }

    @Test
    void endsWithExitCodeOneWhenARunningServiceFails() throws Exception {
        Recording http = new Recording("http");
        Recording streams = new Recording("streams");
        ServiceRunner runner = new ServiceRunner(List.of(http, streams), health);

        Future<ServiceRunner.Outcome> outcome = background.submit(runner::run);
        streams.started.await(10, TimeUnit.SECONDS);
        streams.listener.failed("streams", "Kafka Streams stopped with an error");

        ServiceRunner.Outcome result = outcome.get(10, TimeUnit.SECONDS);
        assertThat(result).isEqualTo(new ServiceRunner.Outcome.Failed("streams",
                "Kafka Streams stopped with an error"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(events).containsExactly("start http", "start streams", "close streams", "close http");
    }

    @Test
    void closesWhatStartedWhenALaterServiceFailsToStart() throws InterruptedException, ExecutionException,
            TimeoutException {
        Recording http = new Recording("http");
        Service broken = new Recording("producer") {
            @Override
            public void start(FailureListener failures) {
                super.start(failures);
                throw new IllegalStateException("no brokers");
            }
        };
        Recording never = new Recording("streams");

        ServiceRunner.Outcome result = background.submit(new ServiceRunner(List.of(http, broken, never), health)::run)
                .get(10, TimeUnit.SECONDS);

        assertThat(result).isEqualTo(new ServiceRunner.Outcome.Failed("producer", "failed to start: no brokers"));
        assertThat(events).containsExactly("start http", "start producer", "close producer", "close http");
    }

    private class Recording implements Service {
        final String name;
        final CountDownLatch started = new CountDownLatch(1);
        volatile FailureListener listener;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(FailureListener failures) {
            listener = failures;
            events.add("start " + name);
            started.countDown();
        }

        @Override
        public Health health() {
            return Health.up("fine");
        }

        @Override
        public void close() {
            events.add("close " + name);
        }
    }
}
