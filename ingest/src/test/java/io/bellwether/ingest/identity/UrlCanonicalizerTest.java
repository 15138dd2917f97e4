package io.bellwether.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
    private final UrlCanonicalizer urls = new UrlCanonicalizer();

    @Test
    void stripsTrackingParametersAndKeepsTheOthers() {
        assertThat(urls.canonicalize("https://news.example/a?utm_source=x&id=7&fbclid=abc&UTM_Medium=m&gclid=1"
                + "&mc_cid=2&ref=home"))
                .contains("https://news.example/a?id=7");
    }

    @Test
    void lowerCasesSchemeAndHostButNotThePath() {
        assertThat(urls.canonicalize("HTTPS://News.Example.COM/Story/Open-Models"))
                .contains("https://news.example.com/Story/Open-Models");
    }

    @Test
    void dropsFragmentDefaultPortUserInfoAndTrailingSlash() {
        assertThat(urls.canonicalize("http://reader@news.example:80/ai/open-weights/#comments"))
                .contains("http://news.example/ai/open-weights");
        assertThat(urls.canonicalize("https://news.example:443")).contains("https://news.example/");
    }

    @Test
    void keepsANonDefaultPort() {
        assertThat(urls.canonicalize("https://news.example:8443/x/")).contains("https://news.example:8443/x");
    }

    @Test
    void sortsRemainingParametersSoReorderedLinksMerge() {
        assertThat(urls.canonicalize("https://n.example/s?b=2&a=1"))
                .isEqualTo(urls.canonicalize("https://n.example/s?a=1&b=2&utm_campaign=z"));
    }

    @Test
    void dropsAQueryMadeOnlyOfTrackingParameters() {
        assertThat(urls.canonicalize("https://n.example/s?utm_source=feed&fbclid=x")).contains("https://n.example/s");
    }

    @Test
    void refusesRelativeAndNonHttpAddresses() {
        assertThat(urls.canonicalize("/relative/path")).isEmpty();
        assertThat(urls.canonicalize("ftp://files.example/a")).isEmpty();
        assertThat(urls.canonicalize("https://bad host/with space")).isEmpty();
    }
}
