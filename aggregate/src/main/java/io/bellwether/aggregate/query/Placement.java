package io.bellwether.aggregate.query;

import java.util.List;

/** Which instance holds which narrative's windows: the owner of one key, or every instance of a store. */
public interface Placement {

    /** The instance holding {@code narrative}'s part of {@code store} (stores of one subtopology share partitions). */
    Route forNarrative(String store, String narrative);

    /** Every instance that hosts a part of the store; a query over all keys asks each once. */
    List<Route> everyInstance(String store);

    /** One instance owning every partition: everything is answered locally. */
    static Placement singleInstance() {
        return new Placement() {
            @Override
            public Route forNarrative(String store, String narrative) {
                return new Route.Local();
            }

            @Override
            public List<Route> everyInstance(String store) {
                return List.of(new Route.Local());
            }
        };
    }
}
