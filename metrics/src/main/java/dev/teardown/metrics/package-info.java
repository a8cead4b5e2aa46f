/**
 * Micrometer for a platform that embeds teardown: every call of the API as an Observation, the cache and
 * the rate budget as meters. Start at {@link dev.teardown.metrics.TeardownMetrics}.
 */
package dev.teardown.metrics;
