package dev.teardown.adapters.http;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * Connections that never log the bytes they carry. HttpClient's wire log (debug level of
 * {@code org.apache.hc.client5.http.wire}) would print the request, {@code Authorization} header
 * and token included; these connections bind their sockets without it.
 */
final class UnloggedConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private static final AtomicLong COUNTER = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        UnloggedConnection connection = new UnloggedConnection("teardown-http-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    private static final class UnloggedConnection extends DefaultManagedHttpClientConnection {

        UnloggedConnection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }
    }
}
