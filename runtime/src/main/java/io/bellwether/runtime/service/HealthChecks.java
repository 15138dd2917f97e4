package io.bellwether.runtime.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Named health checks of one process; the HTTP endpoint's {@code /health} reports them, UP only if all are. */
public final class HealthChecks {
    private final Map<String, Supplier<Health>> checks = new ConcurrentHashMap<>();

    public void register(String name, Supplier<Health> check) {
        checks.put(name, check);
    }

    /** Each check's current state, sorted by name; a check that throws counts as DOWN. */
    public Map<String, Health> snapshot() {
        Map<String, Health> states = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> states.put(name, evaluate(checks.get(name))));
        return states;
    }

    public boolean allUp() {
        return snapshot().values().stream().allMatch(Health::up);
    }

    private static Health evaluate(Supplier<Health> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return Health.down("check failed: " + e.getMessage());
        }
    }
}
