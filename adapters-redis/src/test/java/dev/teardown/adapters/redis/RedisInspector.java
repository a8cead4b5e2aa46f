package dev.teardown.adapters.redis;

import dev.teardown.testkit.redis.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Looks into the test's own Redis from the side, with a client of its own. */
final class RedisInspector implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisInspector(RedisURI uri) {
        this.client = RedisClient.create(uri);
        this.connection = client.connect();
    }

    static RedisInspector of(RedisServerExtension redis) {
        RedisURI uri = RedisURI.create(redis.uri());
        redis.password().ifPresent(password -> uri.setAuthentication(password.toCharArray()));
        return new RedisInspector(uri);
    }

    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /** Every key, by SCAN. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        ScanIterator.scan(commands(), ScanArgs.Builder.limit(100)).forEachRemaining(keys::add);
        return keys;
    }

    /** Every text a key holds: a sorted set's members and scores, a hash's fields and values, a string. */
    List<String> contentsOf(String key) {
        List<String> contents = new ArrayList<>();
        switch (commands().type(key)) {
            case "zset" -> {
                for (ScoredValue<String> member : commands().zrangeWithScores(key, 0, -1)) {
                    contents.add(member.getValue());
                    contents.add(Double.toString(member.getScore()));
                }
            }
            case "hash" -> {
                for (Map.Entry<String, String> field : commands().hgetall(key).entrySet()) {
                    contents.add(field.getKey());
                    contents.add(field.getValue());
                }
            }
            case "string" -> contents.add(commands().get(key));
            default -> throw new AssertionError("a key of an unexpected type: " + key + " is a " + commands().type(key));
        }
        return contents;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
