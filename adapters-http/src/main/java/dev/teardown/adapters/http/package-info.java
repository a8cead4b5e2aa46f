/** TeardownStatusSource over the DigitalOcean API: Apache HttpClient 5 and Jackson. */
package dev.teardown.adapters.http;
