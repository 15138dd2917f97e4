package io.bellwether.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder to the test broker that can be shut: while shut it hangs up on every connection,
 * so a client bootstrapping through it finds the broker unreachable until the gate opens again.
 */
final class TcpGate implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open;

    TcpGate(String target) throws IOException {
        String first = target.split(",")[0];
        this.targetHost = first.substring(0, first.lastIndexOf(':'));
        this.targetPort = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-gate");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    void open() {
        open = true;
    }

    void shut() throws IOException {
        open = false;
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!open) {
                    client.close();
                    continue;
                }
                Socket broker = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(broker);
                pump(client.getInputStream(), broker.getOutputStream());
                pump(broker.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // The gate was closed, or one connection failed; the next accept carries on.
            }
        }
    }

    private static void pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException e) {
                // Either side hung up: this direction is done.
            }
        }, "tcp-gate-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        shut();
        server.close();
    }
}
