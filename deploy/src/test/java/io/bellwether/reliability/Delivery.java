package io.bellwether.reliability;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one stage delivered: the ids it was given and the keys it wrote in, the ids written more than once and the
 * ids never written out.
 */
record Delivery(int input, int output, Set<String> duplicates, Set<String> missing) {

    static Delivery of(Collection<String> inputIds, List<String> outputKeys) {
        Map<String, Long> counts = outputKeys.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Set<String> duplicates = new TreeSet<>();
        counts.forEach((key, count) -> {
            if (count > 1) {
                duplicates.add(key);
            }
        });
        Set<String> missing = new TreeSet<>(inputIds);
        missing.removeAll(counts.keySet());
        return new Delivery(Set.copyOf(inputIds).size(), outputKeys.size(), duplicates, missing);
    }
}
