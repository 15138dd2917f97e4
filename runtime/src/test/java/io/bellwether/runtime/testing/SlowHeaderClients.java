package io.bellwether.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The slowloris pattern on loopback: connections that send a request line, then one header byte a second and never
 * finish. Each has a reader that counts the connection as closed when the server ends it (EOF or reset).
 */
public final class SlowHeaderClients implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch closed;
    private volatile boolean running = true;

    private SlowHeaderClients(int count) {
        this.closed = new CountDownLatch(count);
    }

    /** Opens {@code count} connections to {@code port}, each having sent {@code requestLine} and one header byte. */
    public static SlowHeaderClients open(int port, int count, String requestLine) throws IOException {
        SlowHeaderClients clients = new SlowHeaderClients(count);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nX-Slow: a")
                    .getBytes(StandardCharsets.US_ASCII));
            clients.sockets.add(socket);
            clients.start("slow-reader-" + i, () -> clients.awaitEnd(socket));
        }
        clients.start("slow-dripper", clients::drip);
        return clients;
    }

    /** True when the server closed every connection within {@code limit}. */
    public boolean awaitAllClosed(Duration limit) throws InterruptedException {
        return closed.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many connections the server has closed so far. */
    public long closedCount() {
        return sockets.size() - closed.getCount();
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void awaitEnd(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            while (in.read() >= 0) {
                // A server may answer before closing; keep reading until it ends the connection.
            }
        } catch (IOException e) {
            // A reset or our own close: either way the connection is over.
        }
        closed.countDown();
    }

    /** One byte a second on every connection: the pace of the attack, not a wait for a result. */
    private void drip() {
        while (running) {
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    // Closed by the server; the reader has counted it.
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.forEach(Thread::interrupt);
    }
}
