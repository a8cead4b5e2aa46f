package dev.teardown.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keys of one token's budget: the key prefix, {@code rate:}, and the token's name in Redis, which
 * is the first 32 hex digits of its SHA-256, so that the token itself never reaches Redis. The name is
 * in braces, so that every key of a budget lands on one Redis Cluster slot, as a script needs.
 */
record BudgetKeys(String budgetId, String permits, String pause, String learned, String limit) {

    /** 128 bits of the hash: no two tokens meet, and the token cannot be recovered from it. */
    private static final int ID_HEX_DIGITS = 32;

    static BudgetKeys of(String keyPrefix, String apiToken) {
        return ofTokenHash(keyPrefix, sha256Hex(apiToken));
    }

    /** The keys of the token whose SHA-256 is these 64 hex digits. */
    static BudgetKeys ofTokenHash(String keyPrefix, String tokenSha256Hex) {
        String id = tokenSha256Hex.substring(0, ID_HEX_DIGITS);
        String base = keyPrefix + "rate:{" + id + "}:";
        return new BudgetKeys(id, base + "permits", base + "pause", base + "learned", base + "limit");
    }

    static String idOf(String apiToken) {
        return sha256Hex(apiToken).substring(0, ID_HEX_DIGITS);
    }

    static String sha256Hex(String apiToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** In the order the script's KEYS are. */
    String[] all() {
        return new String[] {permits, pause, learned, limit};
    }
}
