package dev.teardown.app.cli;

import com.google.inject.AbstractModule;
import dev.teardown.adapters.http.ExchangeListener;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code --verbose}: a line on stderr per request and answer; the token is never given to it. */
final class RequestLogModule extends AbstractModule {

    private final ExchangeListener listener;

    private RequestLogModule(ExchangeListener listener) {
        this.listener = listener;
    }

    static RequestLogModule toStderr(PrintWriter err) {
        return new RequestLogModule(exchange -> {
            String answer = exchange.status().isPresent() ? Integer.toString(exchange.status().getAsInt()) : "no answer";
            StringBuilder line = new StringBuilder("> ").append(exchange.method()).append(' ').append(Printable.of(exchange.path()))
                    .append(" -> ").append(answer)
                    .append(String.format(Locale.ROOT, " (attempt %d, %d ms", exchange.attempt(), exchange.elapsed().toMillis()));
            exchange.rateLimitRemaining().ifPresent(left -> line.append(", ratelimit-remaining ").append(left));
            line.append(')');
            exchange.failure().ifPresent(failure -> line.append(": ").append(Printable.of(failure)));
            err.println(line);
        });
    }

    static RequestLogModule silent() {
        return new RequestLogModule(ExchangeListener.ignoring());
    }

    @Override
    protected void configure() {
        bind(ExchangeListener.class).toInstance(listener);
    }
}
