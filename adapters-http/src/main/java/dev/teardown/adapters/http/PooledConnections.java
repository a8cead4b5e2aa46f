package dev.teardown.adapters.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The adapter's connection pool, with two things HttpClient does not do by itself.
 *
 * <p>Connections never log the bytes they carry. HttpClient's wire log (debug level of
 * {@code org.apache.hc.client5.http.wire}) would print the request, {@code Authorization} header and
 * token included; these connections bind their sockets without it.
 *
 * <p>Every pooled connection is checked before it is reused, so that one the server closed while it
 * sat idle costs nothing rather than a failed attempt. HttpClient's own check reads with a timeout of
 * a millisecond, which a live connection always waits out: checked on every reuse, it made a lookup
 * over loopback six times slower; checked only after two seconds idle (its default), it misses a
 * server that drops idle connections sooner. These sockets come from {@link SocketChannel}s, so the
 * check is a non-blocking read of a microsecond or two.
 *
 * <p>The operator and socket factory it plugs in are marked {@code @Internal} in HttpClient 5.6: an
 * upgrade of HttpClient must check them (the stale-connection and keep-alive tests fail if they change).
 */
final class PooledConnections {

    private static final AtomicLong COUNTER = new AtomicLong();

    private PooledConnections() {
    }

    static PoolingHttpClientConnectionManager pool(HttpClientConfig config) {
        return new ChannelSocketPoolBuilder()
                .setConnectionFactory(new ConnectionFactory())
                .setTlsSocketStrategy(new TlsOnFirstUse())
                .setMaxConnTotal(config.poolSize())
                .setMaxConnPerRoute(config.poolSize())
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.of(config.responseTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.responseTimeout()))
                        // Zero: every reuse is checked; the check costs next to nothing (see Connection.isStale).
                        .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
    }

    /** A pool whose plain sockets are {@link SocketChannel}s' sockets: blocking as ever, and checkable without blocking. */
    private static final class ChannelSocketPoolBuilder extends PoolingHttpClientConnectionManagerBuilder {

        @Override
        protected HttpClientConnectionOperator createConnectionOperator(
                SchemePortResolver schemePortResolver, DnsResolver dnsResolver, TlsSocketStrategy tlsSocketStrategy) {
            return new DefaultHttpClientConnectionOperator(
                    PooledConnections::channelSocket,
                    schemePortResolver,
                    dnsResolver,
                    RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tlsSocketStrategy).build());
        }
    }

    /**
     * HttpClient's default TLS strategy, made when the first https connection needs it: making it loads
     * and parses the JDK's CA certificates, a quarter of a one-shot command's start-up (docs/benchmarks.md,
     * "Start-up"), which a client of plain http (the sandbox, a loopback test server) never needs.
     */
    private static final class TlsOnFirstUse implements TlsSocketStrategy {

        private volatile TlsSocketStrategy strategy;

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            return strategy().upgrade(socket, target, port, attachment, context);
        }

        private TlsSocketStrategy strategy() {
            TlsSocketStrategy made = strategy;
            if (made == null) {
                synchronized (this) {
                    made = strategy;
                    if (made == null) {
                        // What the pool builder makes when given no strategy.
                        made = DefaultClientTlsStrategy.createDefault();
                        strategy = made;
                    }
                }
            }
            return made;
        }
    }

    private static Socket channelSocket(Proxy socksProxy) throws IOException {
        return socksProxy == null ? SocketChannel.open().socket() : new Socket(socksProxy);
    }

    private static final class ConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

        @Override
        public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
            Connection connection = new Connection("teardown-http-" + COUNTER.getAndIncrement());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        }
    }

    private static final class Connection extends DefaultManagedHttpClientConnection {

        private final ByteBuffer probe = ByteBuffer.allocate(1);

        Connection(String id) {
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

        /**
         * Stale when the server closed or reset the connection, or sent anything at all while it was
         * idle (a 408 before closing, say): an idle HTTP/1.1 connection has nothing to say. Under TLS the
         * bytes looked at are the raw records; any of them makes the connection stale as well.
         */
        @Override
        public boolean isStale() throws IOException {
            if (!isOpen()) {
                return true;
            }
            SocketHolder holder = getSocketHolder();
            SocketChannel channel = holder == null ? null : holder.getBaseSocket().getChannel();
            if (channel == null) {
                return super.isStale();
            }
            try {
                channel.configureBlocking(false);
                try {
                    probe.clear();
                    return channel.read(probe) != 0;
                } finally {
                    channel.configureBlocking(true);
                }
            } catch (IOException closedOrReset) {
                return true;
            }
        }
    }
}
