package io.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

    private static List<String> lines(byte[] input) throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream(input));
        List<String> out = new ArrayList<>();
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            out.add(new String(line, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    @Test
    void splitsAtNewlinesDroppingCarriageReturnsAndKeepsALastLineWithoutTerminator() throws IOException {
        assertThat(lines("a\r\n\nb\nlast".getBytes(StandardCharsets.ISO_8859_1)))
                .containsExactly("a", "", "b", "last");
    }

    @Test
    void yieldsNothingForAnEmptyStreamAndNoExtraLineAfterAFinalNewline() throws IOException {
        assertThat(lines(new byte[0])).isEmpty();
        assertThat(lines("one\n".getBytes(StandardCharsets.ISO_8859_1))).containsExactly("one");
    }

    @Test
    void joinsALineLongerThanItsReadBuffer() throws IOException {
        String longLine = "y".repeat(200_000);
        assertThat(lines((longLine + "\nz").getBytes(StandardCharsets.ISO_8859_1))).containsExactly(longLine, "z");
    }

    @Test
    void passesInvalidUtf8BytesThroughUntouched() throws IOException {
        byte[] input = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        ByteLines lines = new ByteLines(new ByteArrayInputStream(input));
        lines.next();
        assertThat(lines.next()).containsExactly((byte) 0xC3, (byte) 0x28, (byte) 0xFF);
    }
}
