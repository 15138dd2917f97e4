package io.bellwether.runtime.kafka;

import java.util.ArrayList;
import java.util.List;

/** The outcome of one {@link TopicCreator} run, one entry per catalog topic in catalog order. */
public record TopicSummary(List<TopicOutcome> outcomes) {

    public TopicSummary {
        outcomes = List.copyOf(outcomes);
    }

    public long createdCount() {
        return outcomes.stream().filter(TopicOutcome::created).count();
    }

    /** True when every topic already existed, i.e. the run changed nothing. */
    public boolean changedNothing() {
        return createdCount() == 0;
    }

    /** One line per topic, then a total such as {@code 6 topics: 0 created, 6 already existed}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        outcomes.forEach(outcome -> lines.add(outcome.line()));
        lines.add(outcomes.size() + " topics: " + createdCount() + " created, "
                + (outcomes.size() - createdCount()) + " already existed");
        return lines;
    }
}
