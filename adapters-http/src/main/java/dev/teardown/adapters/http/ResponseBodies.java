package dev.teardown.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads answer bodies within a limit, and undoes their {@code Content-Encoding} here rather than in
 * HttpClient: so that a body that cannot be decoded (an unknown coding, a corrupt gzip stream) is told
 * apart from a connection that failed while it was read. The first is the server's answer, wrong, and
 * asking again gets the same; the second may go better next time.
 */
final class ResponseBodies {

    /** What the requests say they accept; exactly what {@link #decoded} can undo. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /** How much of a body that is not read whole is read to quote its start. */
    static final int EXCERPT_BYTES = Excerpts.BODY_EXCERPT_CHARS * 4;

    /** More codings than any server applies; beyond this the list is refused rather than unwound. */
    private static final int MAX_CODINGS = 3;

    private static final Body EMPTY = new Body(new byte[0], true, Optional.empty());

    private ResponseBodies() {
    }

    /**
     * What was read of a body.
     *
     * @param bytes the body, decoded; when not complete, only its start (possibly nothing)
     * @param complete whether {@code bytes} is the whole body
     * @param undecodable why the body could not be decoded, when it could not; it is then not complete
     */
    record Body(byte[] bytes, boolean complete, Optional<String> undecodable) {

        static Body whole(byte[] bytes) {
            return new Body(bytes, true, Optional.empty());
        }

        static Body start(byte[] bytes) {
            return new Body(bytes, false, Optional.empty());
        }
    }

    /**
     * Reads at most {@code limit} decoded bytes; a longer body comes back incomplete, never silently
     * cut as if whole.
     *
     * @throws IOException when the connection fails while the body is read (not when it cannot be decoded)
     */
    static Body read(HttpResponse response, HttpEntity entity, int limit) throws IOException {
        if (entity == null) {
            return EMPTY;
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return EMPTY;
        }
        List<String> codings;
        try {
            codings = codings(response);
        } catch (UnsupportedCoding unsupported) {
            return new Body(new byte[0], false, Optional.of(unsupported.getMessage()));
        }
        if (codings.isEmpty()) {
            return readPlain(in, entity.getContentLength(), limit);
        }
        Transport transport = new Transport(in);
        try {
            PushbackInputStream peek = new PushbackInputStream(transport, 1);
            int first = peek.read();
            if (first < 0) {
                // No bytes to decode: an empty body, whatever it claims to be encoded with.
                return EMPTY;
            }
            peek.unread(first);
            // Closing the decoders frees their native memory at once; the response's own close ends the message.
            try (InputStream decoded = decoded(peek, codings)) {
                return readUpTo(decoded, limit);
            }
        } catch (IOException e) {
            if (transport.failure != null) {
                throw transport.failure;
            }
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Body(new byte[0], false,
                    Optional.of("its Content-Encoding " + String.join(", ", codings) + " cannot be decoded: " + why));
        }
    }

    private static Body readPlain(InputStream in, long declared, int limit) throws IOException {
        if (declared > limit) {
            // Not worth reading; its start is enough to show what it is.
            return Body.start(in.readNBytes(Math.min(limit, EXCERPT_BYTES)));
        }
        if (declared >= 0) {
            // The usual case: the length is known and within the limit, so read into an array of that size.
            byte[] bytes = new byte[(int) declared];
            int n = in.readNBytes(bytes, 0, bytes.length);
            return Body.whole(n == bytes.length ? bytes : Arrays.copyOf(bytes, n));
        }
        return readUpTo(in, limit);
    }

    private static Body readUpTo(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int total = 0;
        while (true) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, (long) limit + 1 - total));
            if (n < 0) {
                return Body.whole(out.toByteArray());
            }
            total += n;
            if (total > limit) {
                out.write(buffer, 0, n - (total - limit));
                return Body.start(out.toByteArray());
            }
            out.write(buffer, 0, n);
        }
    }

    /** The codings in the order they were applied, {@code identity} left out. */
    private static List<String> codings(HttpResponse response) throws UnsupportedCoding {
        Header[] headers = response.getHeaders(HttpHeaders.CONTENT_ENCODING);
        if (headers.length == 0) {
            return List.of();
        }
        List<String> codings = new ArrayList<>(2);
        for (Header header : headers) {
            for (String token : header.getValue().split(",", -1)) {
                String coding = token.strip().toLowerCase(Locale.ROOT);
                if (coding.isEmpty() || coding.equals("identity")) {
                    continue;
                }
                if (!(coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("deflate"))) {
                    throw new UnsupportedCoding("its Content-Encoding '" + Excerpts.abbreviate(Excerpts.printable(coding), 40)
                            + "' is not one the request accepted (" + ACCEPT_ENCODING + ")");
                }
                codings.add(coding);
            }
        }
        if (codings.size() > MAX_CODINGS) {
            throw new UnsupportedCoding("it has " + codings.size() + " Content-Encodings, more than " + MAX_CODINGS);
        }
        return codings;
    }

    private static InputStream decoded(InputStream in, List<String> codings) throws IOException {
        InputStream decoded = in;
        for (int i = codings.size() - 1; i >= 0; i--) {
            // HTTP's "deflate" is a zlib stream (RFC 9110, 8.4.1.2), which InflaterInputStream reads by default.
            decoded = codings.get(i).equals("deflate") ? new InflaterInputStream(decoded) : new GZIPInputStream(decoded);
        }
        return decoded;
    }

    /** The bytes as the connection delivers them; remembers the connection's own failure, so it is not taken for a bad coding. */
    private static final class Transport extends FilterInputStream {
        private IOException failure;

        Transport(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        /** Left to the response: closing the message's stream here would read a body too large to want to the end. */
        @Override
        public void close() {
        }
    }

    private static final class UnsupportedCoding extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedCoding(String message) {
            super(message);
        }
    }
}
