package io.bellwether.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void groupsEachStreamThreadApartFromItsProducer() {
        assertThat(ThreadCpu.group("bellwether-enrich-3f2a-StreamThread-1")).isEqualTo("stream-1");
        assertThat(ThreadCpu.group("bellwether-enrich-3f2a-StreamThread-12")).isEqualTo("stream-12");
        assertThat(ThreadCpu.group("kafka-producer-network-thread | bellwether-enrich-3f2a-StreamThread-1-producer"))
                .isEqualTo("producer-io");
    }

    @Test
    void groupsBrokerPoolAndOtherThreadsByRole() {
        assertThat(ThreadCpu.group("data-plane-kafka-request-handler-0")).isEqualTo("broker");
        assertThat(ThreadCpu.group("raft-io-thread")).isEqualTo("broker");
        assertThat(ThreadCpu.group(AnalyzerRun.POOL_THREAD + "2")).isEqualTo("pool");
        assertThat(ThreadCpu.group("main")).isEqualTo("main");
        assertThat(ThreadCpu.group("bench-heap-sampler")).isEqualTo("other");
    }

    @Test
    void measuresTheCpuOfABusyThread() throws InterruptedException {
        ThreadCpu cpu = new ThreadCpu();
        Thread busy = new Thread(() -> {
            long until = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }, "main-busy");
        busy.start();
        busy.join();

        ThreadCpu.Usage usage = cpu.since();

        assertThat(usage.processSeconds()).isPositive();
        assertThat(usage.wallSeconds()).isPositive();
    }
}
