package io.bellwether.runtime.service;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StreamsFailurePolicyTest {

    @Test
    void replacesTheThreadForAnOrdinaryFailureUntilTheBudgetIsSpent() {
        StreamsFailurePolicy policy = new StreamsFailurePolicy(2);
        StreamsException failure = new StreamsException(new IllegalStateException("store closed"));

        assertThat(policy.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(REPLACE_THREAD);
        assertThat(policy.handle(failure)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(policy.lastFailure()).isEqualTo("IllegalStateException: store closed");
    }

    @Test
    void shutsTheClientDownForFatalFailures() {
        StreamsFailurePolicy policy = new StreamsFailurePolicy(5);

        assertThat(policy.handle(new StreamsException(new OutOfMemoryError("heap")))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(policy.handle(new SaslAuthenticationException("bad password"))).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(policy.handle(new StreamsException(new TopicAuthorizationException("news.articles"))))
                .isEqualTo(SHUTDOWN_CLIENT);
    }
}
