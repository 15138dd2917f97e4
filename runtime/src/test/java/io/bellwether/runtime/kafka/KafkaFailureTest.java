package io.bellwether.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.junit.jupiter.api.Test;

class KafkaFailureTest {

    @Test
    void callsSecurityOldBrokersInterruptsAndJvmErrorsFatalAnywhereInTheChain() {
        assertThat(KafkaFailure.isFatal(new SaslAuthenticationException("bad password"))).isTrue();
        assertThat(KafkaFailure.isFatal(new KafkaException("wrapped", new TopicAuthorizationException("no")))).isTrue();
        assertThat(KafkaFailure.isFatal(new UnsupportedVersionException("old broker"))).isTrue();
        assertThat(KafkaFailure.isFatal(new InterruptException(new InterruptedException()))).isTrue();
        assertThat(KafkaFailure.isFatal(new RuntimeException(new OutOfMemoryError()))).isTrue();
    }

    @Test
    void leavesTimeoutsNetworkErrorsAndFencingToRetries() {
        assertThat(KafkaFailure.isFatal(new TimeoutException("broker down"))).isFalse();
        assertThat(KafkaFailure.isFatal(new KafkaException("commit failed", new NetworkException("reset")))).isFalse();
        assertThat(KafkaFailure.isFatal(new ProducerFencedException("fenced"))).isFalse();
    }

    @Test
    void tellsAnUnreachableBrokerByTheCauseBeneathAGenericError() {
        assertThat(KafkaFailure.isUnreachable(new KafkaException("commit", new TimeoutException("t")))).isTrue();
        assertThat(KafkaFailure.isUnreachable(new KafkaException("record too large"))).isFalse();
    }

    @Test
    void describesTheRootCauseAndStopsAtASelfReference() {
        KafkaException loop = new KafkaException("outer") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(KafkaFailure.rootCause(loop)).isSameAs(loop);
        assertThat(KafkaFailure.isFatal(loop)).isFalse();
        assertThat(KafkaFailure.describeRoot(new KafkaException("outer", new NetworkException("reset by peer"))))
                .isEqualTo("NetworkException: reset by peer");
    }
}
