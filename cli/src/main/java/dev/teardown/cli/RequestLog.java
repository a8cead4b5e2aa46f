package dev.teardown.cli;

import dev.teardown.adapters.http.ExchangeListener;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code --verbose}: a line on stderr per request and answer; the token is never given to it. */
final class RequestLog {

    private RequestLog() {
    }

    static ExchangeListener toStderr(PrintWriter err) {
        return exchange -> {
            String answer = exchange.status().isPresent() ? Integer.toString(exchange.status().getAsInt()) : "no answer";
            StringBuilder line = new StringBuilder("> ").append(exchange.method()).append(' ').append(Printable.of(exchange.path()))
                    .append(" -> ").append(answer)
                    .append(String.format(Locale.ROOT, " (attempt %d, %d ms", exchange.attempt(), exchange.elapsed().toMillis()));
            exchange.budgetRemaining().ifPresent(left -> line.append(", budget-remaining ").append(left));
            exchange.rateLimitRemaining().ifPresent(left -> line.append(", ratelimit-remaining ").append(left));
            line.append(')');
            exchange.failure().ifPresent(failure -> line.append(": ").append(Printable.of(failure)));
            err.println(line);
        };
    }
}
