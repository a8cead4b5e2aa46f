/** A caching decorator over any TeardownStatusSource, on Caffeine. */
package dev.teardown.adapters.cache;
