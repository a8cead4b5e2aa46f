package dev.teardown.adapters.http;

import dev.teardown.ports.out.TeardownApiException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.ProtocolException;

/**
 * What an attempt that got no answer means: the connection's failures by kind, an interrupt, a passed
 * deadline; whether each may be retried, and whether the request surely never reached the API.
 */
final class AttemptFailures {

    private final HttpClientConfig config;
    private final Redaction redaction;

    AttemptFailures(HttpClientConfig config, Redaction redaction) {
        this.config = config;
        this.redaction = redaction;
    }

    /** The cause as a failure may carry it: itself, or a stand-in when a message of its chain quotes the token. */
    Throwable redacted(Throwable cause) {
        return redaction.safe(cause);
    }

    Failure of(IOException e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Throwable cause = redaction.safe(e);
        if (e instanceof ClientProtocolException && e.getCause() instanceof ProtocolException
                || e instanceof MessageConstraintException) {
            // The server answered with something that is not HTTP: a malformed status line, a bad or conflicting
            // Content-Length, a header beyond the limits. Asking again would get the same.
            String violation = e.getCause() instanceof ProtocolException ? e.getCause().getMessage() : e.getMessage();
            return Failure.of(Reason.BAD_RESPONSE, redaction.shown("the answer is not valid HTTP: "
                    + Excerpts.abbreviate(String.valueOf(violation), 200)), false, cause);
        }
        if (e instanceof SSLException) {
            return Failure.of(Reason.NETWORK, redaction.shown("TLS failed, not retried: " + what), false, cause);
        }
        if (e instanceof ConnectTimeoutException) {
            return Failure.unsent(Reason.TIMEOUT, redaction.shown("no connection within " + config.connectTimeout() + ": " + what),
                    true, cause);
        }
        if (e instanceof SocketTimeoutException) {
            return Failure.of(Reason.TIMEOUT, redaction.shown("no answer within " + config.responseTimeout() + ": " + what), true, cause);
        }
        if (e instanceof InterruptedIOException) {
            boolean interrupted = Thread.currentThread().isInterrupted();
            return Failure.of(Reason.TIMEOUT, redaction.shown("the request was cut short: " + what), !interrupted, cause);
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return Failure.unsent(Reason.NETWORK, redaction.shown("could not connect: " + what), true, cause);
        }
        return Failure.of(Reason.NETWORK, redaction.shown("the connection failed: " + what), true, cause);
    }

    /**
     * The port's word for an interrupted call, as for every wait that gives up: a timeout, not retried.
     * Its cause is an {@link InterruptedException}, whatever HttpClient threw when its socket was cut.
     */
    Failure interrupted(String when, Throwable thrown) {
        InterruptedException cause = thrown instanceof InterruptedException interruptedException
                ? interruptedException : new InterruptedException("the calling thread was interrupted");
        if (thrown != null && cause != thrown) {
            cause.initCause(redaction.safe(thrown));
        }
        return Failure.of(Reason.TIMEOUT, redaction.shown("interrupted " + when), false, cause);
    }

    static Failure deadlinePassed(Failure last, int attempts) {
        String detail = "this call's deadline passed after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + (last == null ? "" : "; the last one: " + last.detail());
        return Failure.of(Reason.TIMEOUT, detail, false, last == null ? null : last.cause());
    }
}
