package org.flickrdynamic.upload;

import java.util.List;

import org.flickrdynamic.FlickrException;

/**
 * An asynchronous upload did not give a photo: Flickr could not process the file, does not know the
 * ticket, or was still processing when the wait ran out (only that one is {@linkplain #isRetryable()
 * retryable}: wait again with the same ticket).
 */
public class TicketException extends FlickrException {
    private static final long serialVersionUID = 1L;

    /** Why no photo came of the tickets. */
    public enum Reason {
        /** {@code checkTickets} said {@code complete="2"}: Flickr could not process the file. */
        FAILED,
        /** {@code checkTickets} said {@code invalid="1"}: Flickr knows no such ticket. */
        INVALID,
        /** The wait ran out while the tickets were still being processed. */
        TIMED_OUT,
        /** The waiting thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED
    }

    /** Why the wait ended. */
    private final Reason reason;
    /** The tickets concerned. */
    private final List<String> tickets;

    /**
     * Upload tickets that gave no photo.
     *
     * @param reason  why
     * @param tickets the tickets concerned
     * @param message what happened, naming the tickets
     */
    public TicketException(Reason reason, List<String> tickets, String message) {
        super(message, reason == Reason.TIMED_OUT || reason == Reason.INTERRUPTED, null);
        this.reason = reason;
        this.tickets = List.copyOf(tickets);
    }

    /**
     * Why no photo came of the tickets.
     *
     * @return why no photo came of the tickets
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The tickets concerned: those that failed, were unknown, or were still pending.
     *
     * @return the tickets concerned: those that failed, were unknown, or were still pending
     */
    public List<String> tickets() {
        return tickets;
    }
}
