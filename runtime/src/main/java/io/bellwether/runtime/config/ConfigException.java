package io.bellwether.runtime.config;

/**
 * A configuration or usage error whose message is one line a person can act on (the CLI prints it and exits
 * with code 2), e.g. {@code invalid value 'abc' for http.port: must be an integer between 0 and 65535}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    static ConfigException invalid(String key, String raw, String allowed) {
        return new ConfigException("invalid value '" + raw + "' for " + key + ": must be " + allowed);
    }
}
