package io.bellwether.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * Reads a response body into memory up to a byte limit that counts decoded bytes, so neither a huge body nor
 * a gzip bomb is held whole: reading stops one byte past the limit, and an over-long declared length is
 * refused before any byte is read. Decodes gzip; other content codings are refused.
 */
final class BoundedBody {
    private final int maxBytes;

    BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The whole body, or a refusal; the caller closes {@code body}. */
    HttpAnswer read(int status, HttpHeaders headers, InputStream body) throws IOException {
        String coding = headers.firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        boolean gzip = coding.equals("gzip") || coding.equals("x-gzip");
        if (!gzip && !coding.equals("identity")) {
            return new HttpAnswer.Refused("unsupported Content-Encoding '" + coding + "'");
        }
        OptionalLong declared = headers.firstValueAsLong("Content-Length");
        if (!gzip && declared.isPresent() && declared.getAsLong() > maxBytes) {
            return new HttpAnswer.Refused("body declares " + declared.getAsLong() + " bytes, larger than "
                    + maxBytes + " bytes");
        }
        InputStream decoded = gzip ? new GZIPInputStream(body) : body;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = decoded.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - out.size()))) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > maxBytes) {
                return new HttpAnswer.Refused("body larger than " + maxBytes + " bytes"
                        + (gzip ? " after gzip decoding" : "") + ", stopped reading");
            }
        }
        return new HttpAnswer.Answered(status, headers, out.toByteArray());
    }
}
