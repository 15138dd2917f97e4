package io.bellwether.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private final Watchdog watchdog = new Watchdog();

    @AfterEach
    void stop() {
        watchdog.close();
        Thread.interrupted();
    }

    @Test
    void interruptsWorkThatOutlastsItsBudget() {
        CountDownLatch never = new CountDownLatch(1);

        try (Watchdog.Watch watch = watchdog.watch(Duration.ofMillis(20))) {
            assertThatThrownBy(() -> never.await(10, TimeUnit.MINUTES)).isInstanceOf(InterruptedException.class);
            assertThat(watch.expired()).isTrue();
        }
    }

    @Test
    void leavesWorkThatEndsWithinItsBudgetAlone() throws InterruptedException {
        Watchdog.Watch watch = watchdog.watch(Duration.ofHours(1));
        watch.close();

        Thread.sleep(50);
        assertThat(watch.expired()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void clearsTheInterruptOfAnExpiredWatchWhenItCloses() {
        Watchdog.Watch watch = watchdog.watch(Duration.ofMillis(1));
        while (!watch.expired()) {
            Thread.onSpinWait();
        }
        assertThat(Thread.currentThread().isInterrupted()).isTrue();

        watch.close();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void neverInterruptsAfterTheWatchIsClosed() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            watchdog.watch(Duration.ofNanos(50_000L * (i % 20))).close();
        }

        Thread.sleep(100);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void watchesEachThreadOnItsOwnBudget() throws Exception {
        boolean[] interrupted = new boolean[2];
        Thread slow = new Thread(() -> {
            try (Watchdog.Watch watch = watchdog.watch(Duration.ofMillis(10))) {
                new CountDownLatch(1).await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
        });
        Thread quick = new Thread(() -> {
            try (Watchdog.Watch watch = watchdog.watch(Duration.ofHours(1))) {
                interrupted[1] = Thread.currentThread().isInterrupted();
            }
        });
        slow.start();
        quick.start();
        slow.join();
        quick.join();

        assertThat(interrupted).containsExactly(true, false);
    }
}
