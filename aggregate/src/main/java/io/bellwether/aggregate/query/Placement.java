package io.bellwether.aggregate.query;

import io.bellwether.aggregate.WindowSpec;
import java.util.List;

/** Which instance holds which narrative's windows: the owner of one key, or every instance of a store. */
public interface Placement {

    Route forNarrative(WindowSpec spec, String narrative);

    /** Every instance that hosts a part of the store; a query over all keys asks each once. */
    List<Route> everyInstance(WindowSpec spec);

    /** One instance owning every partition: everything is answered locally. */
    static Placement singleInstance() {
        return new Placement() {
            @Override
            public Route forNarrative(WindowSpec spec, String narrative) {
                return new Route.Local();
            }

            @Override
            public List<Route> everyInstance(WindowSpec spec) {
                return List.of(new Route.Local());
            }
        };
    }
}
