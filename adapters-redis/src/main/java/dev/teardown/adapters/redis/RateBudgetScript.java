package dev.teardown.adapters.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The rate budget's Lua script ({@code rate-budget.lua}): sent by its SHA-1, and loaded once when the
 * server does not know it yet (a new or restarted server).
 */
final class RateBudgetScript {

    static final String SOURCE = read("rate-budget.lua");
    static final String SHA1 = sha1(SOURCE);

    private RateBudgetScript() {
    }

    /** Runs the script; its reply is a list of integers. */
    static List<Long> run(RedisCommands<String, String> commands, String[] keys, String... arguments) {
        List<Object> reply;
        try {
            reply = commands.evalsha(SHA1, ScriptOutputType.MULTI, keys, arguments);
        } catch (RedisNoScriptException e) {
            commands.scriptLoad(SOURCE);
            reply = commands.evalsha(SHA1, ScriptOutputType.MULTI, keys, arguments);
        }
        return reply.stream().map(Long.class::cast).toList();
    }

    private static String read(String name) {
        try (InputStream in = RateBudgetScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
