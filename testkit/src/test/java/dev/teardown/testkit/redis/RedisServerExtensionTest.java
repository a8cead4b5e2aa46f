package dev.teardown.testkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisServerExtensionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.create();

    @Test
    void start_answersPingOnItsOwnLoopbackPort() throws IOException {
        try (Resp resp = Resp.connect(REDIS.port(), TIMEOUT)) {
            assertThat(resp.text("PING")).isEqualTo("PONG");
        }
        assertThat(REDIS.port()).isNotEqualTo(6379);
        assertThat(REDIS.uri()).isEqualTo(URI.create("redis://127.0.0.1:" + REDIS.port()));
    }

    @Test
    void start_persistenceOffInATemporaryDirectoryOnLoopbackOnly() throws IOException {
        try (Resp resp = Resp.connect(REDIS.port(), TIMEOUT)) {
            assertThat(resp.call("CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
            assertThat(resp.call("CONFIG", "GET", "appendonly")).isEqualTo(List.of("appendonly", "no"));
            assertThat(resp.call("CONFIG", "GET", "bind")).isEqualTo(List.of("bind", "127.0.0.1"));
            assertThat(resp.call("CONFIG", "GET", "dir")).isEqualTo(List.of("dir", REDIS.directory().toRealPath().toString()));
        }
        assertThat(REDIS.directory().getFileName().toString()).startsWith("teardown-redis-");
    }

    @Test
    void stop_thenStart_answersAgainOnTheSamePortWithoutTheOldData() throws IOException {
        int port = REDIS.port();
        try (Resp resp = Resp.connect(port, TIMEOUT)) {
            resp.call("SET", "before-the-restart", "1");
        }

        REDIS.stop();

        assertThat(REDIS.isRunning()).isFalse();
        assertThatThrownBy(() -> Resp.connect(port, TIMEOUT)).isInstanceOf(ConnectException.class);

        REDIS.start();

        assertThat(REDIS.port()).isEqualTo(port);
        try (Resp resp = Resp.connect(port, TIMEOUT)) {
            assertThat(resp.text("PING")).isEqualTo("PONG");
            assertThat(resp.call("GET", "before-the-restart")).isNull();
        }
    }

    @Test
    void stop_byAnEarlierTest_isUndoneBeforeTheNextOne() throws IOException {
        // runs in any order with the test above: whichever comes second finds the server up
        try (Resp resp = Resp.connect(REDIS.port(), TIMEOUT)) {
            assertThat(resp.text("PING")).isEqualTo("PONG");
        }
        REDIS.stop();
    }

    @Test
    void suspend_serverKeepsTheConnectionButAnswersOnlyAfterResume() throws IOException {
        try (Resp resp = Resp.connect(REDIS.port(), Duration.ofMillis(300))) {
            REDIS.suspend();
            try {
                assertThat(REDIS.isRunning()).isFalse();
                assertThatThrownBy(() -> resp.text("PING")).isInstanceOf(SocketTimeoutException.class);
            } finally {
                REDIS.resume();
            }
        }
        try (Resp resp = Resp.connect(REDIS.port(), TIMEOUT)) {
            assertThat(resp.text("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void withPassword_clientsWithoutItAreRefused() throws IOException {
        try (RedisServerExtension secured = RedisServerExtension.create().withPassword("s3cret-pass")) {
            secured.start();

            try (Resp resp = Resp.connect(secured.port(), TIMEOUT)) {
                assertThat(resp.text("PING")).startsWith("-NOAUTH");
                assertThat(resp.text("AUTH", "s3cret-pass")).isEqualTo("OK");
                assertThat(resp.text("PING")).isEqualTo("PONG");
            }
            assertThat(secured.uri().toString()).doesNotContain("s3cret-pass");
            assertThat(secured.toString()).doesNotContain("s3cret-pass");
        }
    }

    @Test
    void keysAndGet_showWhatTheServerHolds() throws IOException {
        try (RedisServerExtension secured = RedisServerExtension.create().withPassword("s3cret-pass")) {
            secured.start();
            try (Resp resp = Resp.connect(secured.port(), TIMEOUT)) {
                resp.text("AUTH", "s3cret-pass");
                resp.text("SET", "b:status", "TS1");
                resp.text("SADD", "a:set", "x");
            }

            assertThat(secured.keys()).containsExactly("a:set", "b:status");
            assertThat(secured.get("b:status")).contains("TS1");
            assertThat(secured.get("c:none")).isEmpty();
            assertThatThrownBy(() -> secured.get("a:set")).hasMessageContaining("WRONGTYPE");
            secured.stop();
            assertThatThrownBy(secured::keys).hasMessage("the Redis server is not running");
        }
    }

    @Test
    void start_twoServers_getTwoPorts() {
        try (RedisServerExtension other = RedisServerExtension.create()) {
            other.start();

            assertThat(other.port()).isNotEqualTo(REDIS.port());
        }
    }

    @Test
    void close_stopsTheServerAndDeletesItsDirectory() {
        RedisServerExtension server = RedisServerExtension.create();
        server.start();
        int port = server.port();
        Path directory = server.directory();

        server.close();

        assertThat(directory).doesNotExist();
        assertThatThrownBy(() -> Resp.connect(port, TIMEOUT)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(server::port).hasMessageContaining("not been started");
    }

    @Test
    void start_redisServerMissing_failsSayingHowToInstallIt() {
        RedisServerExtension missing = RedisServerExtension.create().withExecutable("redis-server-that-is-not-installed");

        assertThatThrownBy(missing::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redis-server-that-is-not-installed is not on the PATH")
                .hasMessageEndingWith("install redis-server (apt-get install -y redis-server)");
    }

    @Test
    void start_serverThatCannotStart_failsWithItsOutput() throws IOException {
        Path fake = Files.createTempFile("not-redis-", ".sh");
        try {
            Files.writeString(fake, "#!/bin/sh\necho 'fatal: this is not redis'\nexit 3\n");
            fake.toFile().setExecutable(true);

            try (RedisServerExtension broken = RedisServerExtension.create().withExecutable(fake.toString())) {
                assertThatThrownBy(broken::start)
                        .hasMessageContaining("exited with code 3")
                        .hasMessageContaining("fatal: this is not redis");
            }
        } finally {
            Files.delete(fake);
        }
    }

    @Test
    void withPassword_quoteInIt_isRefused() {
        assertThatThrownBy(() -> RedisServerExtension.create().withPassword("a\"b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
