/**
 * The shared tier for many instances of teardown on Redis (Lettuce): a {@link dev.teardown.adapters.redis.RedisTier}
 * owns the connection, and a {@link dev.teardown.adapters.redis.RedisRateBudget} is one rate budget for every
 * instance that uses a token. When Redis is down or slow, nothing fails because of it: each instance
 * falls back to its own share until Redis answers again.
 */
package dev.teardown.adapters.redis;
