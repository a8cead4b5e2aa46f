package dev.teardown.adapters.http;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * The {@code Authorization} header, which shows itself redacted: HttpClient's header log prints
 * headers with {@code toString()}, so a debug log level must not be enough to reveal the token.
 */
final class RedactedAuthorization implements Header {

    private final ApiToken token;

    RedactedAuthorization(ApiToken token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return HttpHeaders.AUTHORIZATION;
    }

    @Override
    public String getValue() {
        return token.bearer();
    }

    @Override
    public boolean isSensitive() {
        return true;
    }

    @Override
    public String toString() {
        return HttpHeaders.AUTHORIZATION + ": Bearer [redacted]";
    }
}
