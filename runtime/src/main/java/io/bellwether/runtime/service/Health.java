package io.bellwether.runtime.service;

/** The state of one health check: up or down, with a short detail such as a Kafka Streams state. */
public record Health(boolean up, String detail) {

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }

    public String status() {
        return up ? "UP" : "DOWN";
    }
}
