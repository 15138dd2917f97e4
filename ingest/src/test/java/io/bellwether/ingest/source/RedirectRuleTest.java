package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedirectRuleTest {
    private final RedirectRule rule = new RedirectRule();

    private String refusal(String from, String to) {
        return rule.refusal(URI.create(from), URI.create(to)).orElse("followed");
    }

    @Test
    void followsARedirectOnTheSameHostAndPort() {
        assertThat(refusal("http://feeds.example:8080/rss", "http://FEEDS.example:8080/rss2")).isEqualTo("followed");
    }

    @Test
    void followsTheUpgradeFromHttpToHttpsOnTheDefaultPorts() {
        assertThat(refusal("http://feeds.example/rss", "https://feeds.example/rss")).isEqualTo("followed");
    }

    @Test
    void refusesSchemesOtherThanHttpAndHttps() {
        assertThat(refusal("http://feeds.example/rss", "file:///etc/passwd"))
                .isEqualTo("scheme 'file' is not http or https");
        assertThat(refusal("http://feeds.example/rss", "jar:file:/x.jar!/a")).isEqualTo("scheme 'jar' is not http or https");
        assertThat(refusal("http://feeds.example/rss", "ftp://feeds.example/rss"))
                .isEqualTo("scheme 'ftp' is not http or https");
    }

    @Test
    void refusesAnotherHostOrPortAndADowngrade() {
        assertThat(refusal("http://127.0.0.1:8080/rss", "http://127.0.0.2:8080/rss"))
                .isEqualTo("another host than 127.0.0.1");
        assertThat(refusal("http://127.0.0.1:8080/rss", "http://127.0.0.1:9090/rss"))
                .isEqualTo("another port than 8080");
        assertThat(refusal("https://feeds.example/rss", "http://feeds.example/rss"))
                .isEqualTo("a downgrade from https to http");
        assertThat(refusal("http://feeds.example:8080/rss", "https://feeds.example:8443/rss"))
                .isEqualTo("another port than 8080");
    }
}
