package io.bellwether.aggregate.query;

/** Where a query is answered: from this instance's stores, by a peer over HTTP, or nowhere right now. */
public sealed interface Route {

    record Local() implements Route {
    }

    /** A peer's HTTP base, e.g. {@code http://10.0.0.7:8080}. */
    record Remote(String baseUrl) implements Route {
    }

    record Unavailable(String reason) implements Route {
    }
}
