package io.bellwether.ingest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything a test's code under watch could log, while open: stdout and stderr (where the CLI reports, and where
 * any SLF4J provider would write), and every level of the JDK HTTP server's logger (java.util.logging).
 */
final class LogCapture implements AutoCloseable {
    private static final String JDK_HTTP_LOGGER = "com.sun.net.httpserver";

    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
    private final StringBuffer records = new StringBuffer();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    // Held here: java.util.logging keeps loggers weakly, and a collected one would lose its level and handler.
    private final Logger jdkHttp = Logger.getLogger(JDK_HTTP_LOGGER);
    private final Level jdkHttpLevel = jdkHttp.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.append(record.getLevel()).append(' ').append(record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    records.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                records.append(' ').append(record.getThrown());
            }
            records.append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LogCapture() {
        jdkHttp.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        jdkHttp.addHandler(handler);
        System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
    }

    /** The JDK HTTP server's log records, one a line. */
    String jdkHttpRecords() {
        return records.toString();
    }

    /** All captured text: the log records and what was written to stdout and stderr. */
    String everything() {
        synchronized (streams) {
            return records + streams.toString(StandardCharsets.UTF_8);
        }
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (streams) {
                    streams.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (streams) {
                    streams.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        };
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        jdkHttp.removeHandler(handler);
        jdkHttp.setLevel(jdkHttpLevel);
    }
}
