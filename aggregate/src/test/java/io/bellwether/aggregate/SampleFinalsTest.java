package io.bellwether.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample corpus's final records, compared line by line with those of the implementation before panes. */
class SampleFinalsTest {

    @Test
    void finalRecordsOfTheSampleInPublicationOrderEqualThePreviousImplementations() throws IOException {
        assertSameFinals(SampleFinals.Order.PUBLISHED);
    }

    @Test
    void finalRecordsOfTheSampleInFileOrderWithLateArticlesEqualThePreviousImplementations() throws IOException {
        assertSameFinals(SampleFinals.Order.FILE);
    }

    private static void assertSameFinals(SampleFinals.Order order) throws IOException {
        List<String> expected = SampleFinals.expected().stream()
                .filter(line -> line.startsWith(order + "\t")).toList();
        SampleFinals.Run run = SampleFinals.run(AggregateConfig.defaults(), order);
        List<String> actual = run.lines();
        // The figure aggregate/README.md quotes (records an article causes with the defaults), printed, not asserted.
        System.out.printf("sample corpus, %s order: %d articles, %d narrative + %d entity score records"
                + " (%.1f per article, %d of them finals), %d dead letters%n", order, run.articles(),
                run.narrativeRecords(), run.entityRecords(),
                (run.narrativeRecords() + run.entityRecords()) / (double) run.articles(), actual.size(),
                run.deadLetters());
        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(missing(actual, expected)).as("finals the previous implementation emitted and this one does not")
                .isEmpty();
        assertThat(missing(expected, actual)).as("finals this implementation emits and the previous one did not")
                .isEmpty();
        assertThat(actual).hasSameSizeAs(expected);
    }

    /** The first few lines of {@code wanted} that {@code present} lacks (a whole list would print megabytes). */
    private static List<String> missing(List<String> present, List<String> wanted) {
        Set<String> have = new HashSet<>(present);
        return wanted.stream().filter(line -> !have.contains(line)).limit(5).toList();
    }
}
