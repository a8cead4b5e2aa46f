package dev.teardown.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare TCP server on loopback that writes exactly the bytes its script says, for answers no
 * well-behaved HTTP server would give (a malformed status line, conflicting lengths, a corrupt
 * encoding) and for proxies that only need to record what they were sent. Each accepted connection
 * plays the script on a thread of its own; {@link #close()} closes every socket.
 */
final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void play(Connection connection) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private RawServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::accept, "raw-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawServer start(Script script) {
        try {
            return new RawServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script that answers every request on a connection with the same bytes, keeping the connection open. */
    static Script answering(byte[] response) {
        return connection -> {
            while (connection.readRequestHead() != null) {
                connection.write(response);
            }
        };
    }

    int port() {
        return server.getLocalPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** How many connections were accepted. */
    int connections() {
        return accepted.get();
    }

    /** Every request head read so far (request line and headers, without the blank line), in order. */
    List<String> requestHeads() {
        return List.copyOf(requestHeads);
    }

    /** What went wrong inside scripts, other than the client going away. */
    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(socket);
            int number = accepted.incrementAndGet();
            Thread player = new Thread(() -> play(socket, number), "raw-server-connection-" + number);
            player.setDaemon(true);
            player.start();
        }
    }

    private void play(Socket socket, int number) {
        try (socket) {
            script.play(new Connection(socket, number));
        } catch (SocketException clientWentAway) {
            // The client may close or reset whenever it likes; that is no failure of the script.
        } catch (Throwable e) {
            if (!closed) {
                failures.add(e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing a listening socket only fails when it is closed already.
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // As above.
            }
        }
    }

    /** The text of an HTTP/1.1 response head: the status line and headers as given, CRLF-separated. */
    static String head(String statusLine, String... headers) {
        StringBuilder text = new StringBuilder(statusLine).append("\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    /** A whole response: the head, then the body as it is. */
    static byte[] response(String head, byte[] body) {
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** The body in chunked transfer coding, in chunks of at most {@code chunkSize} bytes, with the last chunk. */
    static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        for (int start = 0; start < body.length; start += chunkSize) {
            int length = Math.min(chunkSize, body.length - start);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, start, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** One accepted connection, as its script sees it. */
    final class Connection {
        private final Socket socket;
        private final int number;
        private final InputStream in;
        private final OutputStream out;

        private Connection(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.number = number;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Which connection this is, from 1 in the order they were accepted. */
        int number() {
            return number;
        }

        Socket socket() {
            return socket;
        }

        /**
         * Reads one request head, up to and without its blank line, and records it; null when the
         * client closed the connection before sending one.
         */
        String readRequestHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream(512);
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            byte[] bytes = head.toByteArray();
            String text = new String(bytes, 0, bytes.length - end.length, StandardCharsets.ISO_8859_1);
            requestHeads.add(text);
            return text;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void write(String ascii) throws IOException {
            write(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Reads what the client sends until it closes its side or this connection is closed. */
        void drain() throws IOException {
            in.transferTo(OutputStream.nullOutputStream());
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
