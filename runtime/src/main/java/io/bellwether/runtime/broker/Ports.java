package io.bellwether.runtime.broker;

import io.bellwether.runtime.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks on the loopback address the embedded broker binds to. */
final class Ports {
    static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /** Fails with {@code port N is already in use on 127.0.0.1} unless {@code port} can be bound now. */
    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new ConfigException("port " + port + " is already in use on " + HOST);
        }
    }

    /** A port that was free a moment ago, for the controller listener or when port 0 is asked for. */
    static int anyFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
