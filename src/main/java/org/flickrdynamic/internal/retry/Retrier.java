package org.flickrdynamic.internal.retry;

import java.time.Duration;
import java.util.function.Supplier;

import org.flickrdynamic.FlickrApiException;
import org.flickrdynamic.FlickrException;
import org.flickrdynamic.FlickrTransportException;
import org.flickrdynamic.retry.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of every request (REST calls, uploads, OAuth login steps) under a {@link RetryPolicy},
 * and is the one place that decides whether to try again ({@link #worthRetrying}):
 * <ul>
 * <li>a <b>read</b> is retried on every error whose {@link FlickrException#isRetryable()} is true: Flickr's
 *     temporary codes (105 service unavailable, 106, 201), and the transport failures whose
 *     {@link FlickrTransportException.Kind} may pass (HTTP 408, 429 and 5xx, a body that is not a Flickr
 *     answer, a connection refused, reset or timed out);</li>
 * <li>a <b>write</b> is retried only when the request certainly never reached the server
 *     ({@link FlickrTransportException#requestSent()} is false: no connection could be made). Once it may
 *     have been received, sending it again could do it twice, so the error is final.</li>
 * </ul>
 * Each attempt runs the whole supplier again, so it is signed afresh (a new nonce and timestamp: Flickr
 * refuses a replayed one). Every retry is logged at INFO with the method, the attempt, a short reason and
 * the wait, never with parameters (they hold keys and signatures). The error after the last attempt says
 * how many were made ({@link FlickrException#attempts()}).
 */
public final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final RetryPolicy policy;

    /** A retrier following this policy. */
    public Retrier(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or the retries are used up.
     *
     * @param method  the method called, for the log and messages
     * @param read    whether the call only reads (then any retryable error is retried)
     * @param attempt one complete attempt: sign, send, parse
     * @throws FlickrException the last attempt's error, saying how many attempts were made
     */
    public <T> T call(String method, boolean read, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (FlickrException e) {
                if (n > policy.retries() || !worthRetrying(e, read)) {
                    throw n == 1 ? e : e.afterAttempts(n);
                }
                Duration wait = policy.delayBefore(n, e instanceof FlickrTransportException t
                        ? t.retryAfter().orElse(null) : null);
                LOG.info("Retrying {} (attempt {} of {} failed: {}); waiting {} ms", method, n, policy.retries() + 1,
                        reason(e), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e.afterAttempts(n);
                }
            }
        }
    }

    /**
     * The one rule for trying again: a failure that may pass ({@link FlickrException#isRetryable()}: a
     * temporary Flickr code, or a transport failure whose {@link FlickrTransportException.Kind} and status
     * may pass), and then a read always, a write only when the request certainly never left.
     */
    public static boolean worthRetrying(FlickrException e, boolean read) {
        if (!e.isRetryable()) {
            return false;
        }
        if (e instanceof FlickrTransportException t) {
            return read || !t.requestSent();
        }
        return read && e instanceof FlickrApiException;
    }

    /**
     * A short reason for the log, from the failure's kind, without the body or the URL: a hostile or broken
     * server could echo the request, signature included, in what it sends back.
     */
    static String reason(FlickrException e) {
        if (e instanceof FlickrApiException a) {
            return "Flickr error " + a.code();
        }
        if (!(e instanceof FlickrTransportException t)) {
            return e.getClass().getSimpleName();
        }
        return switch (t.kind()) {
            case NOT_SENT -> "Connection refused or not made";
            case CONNECT_TIMEOUT -> "Timed out connecting";
            case READ_TIMEOUT -> "Timed out waiting for the answer";
            case CALL_TIMEOUT -> "Gave up after the call timeout";
            case CONNECTION_LOST -> "the connection broke";
            case HTTP_STATUS -> "HTTP " + t.httpStatus()
                    + t.retryAfter().map(d -> ", Retry-After " + d.toSeconds() + " s").orElse("");
            case NOT_FLICKR -> "the body was not a usable Flickr answer (malformed, cut off or not XML)";
            default -> t.kind().name();
        };
    }
}
