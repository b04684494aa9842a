package org.flickrdynamic.upload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dom4j.Element;
import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.FlickrClient;

/**
 * Waits for asynchronous uploads ({@code async=1}) to become photos, asking
 * {@code flickr.photos.upload.checkTickets} with a growing pause between questions (0.1 s doubling up
 * to 5 s), so a quick upload is seen quickly and a slow one does not flood Flickr.
 *
 * <pre>{@code
 * String ticket = flickr.upload(Path.of("big.mov"), Map.of("async", 1));
 * String photoId = UploadTickets.await(flickr, ticket, Duration.ofMinutes(5));
 * }</pre>
 */
public final class UploadTickets {
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 5_000;
    private static final Duration LONGEST_WAIT = Duration.ofDays(36_500);

    private UploadTickets() {
    }

    /**
     * Waits until a ticket is done and returns its photo id.
     *
     * @param client the client that makes the calls
     * @param ticket the ticket id an asynchronous upload gave
     * @param timeout how long to wait at most
     * @return the photo id
     * @throws TicketException when the upload failed, the ticket is unknown, the time ran out or the thread
     *                         was interrupted
     */
    public static String await(FlickrClient client, String ticket, Duration timeout) {
        return awaitAll(client, java.util.Collections.singletonList(ticket), timeout).get(ticket == null ? null : ticket.strip());
    }

    /**
     * Waits until every ticket is done.
     *
     * @param client the client that makes the calls
     * @param tickets the ticket ids
     * @param timeout how long to wait at most
     * @return each ticket's photo id, in the order given
     * @throws TicketException when an upload failed or a ticket is unknown (as soon as it is known), when
     *                         the time ran out, or when the thread was interrupted
     */
    public static Map<String, String> awaitAll(FlickrClient client, Collection<String> tickets, Duration timeout) {
        Set<String> pending = check(tickets, timeout);
        // "Forever" in nanoseconds would overflow; a century is as good.
        Duration wait = timeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : timeout;
        Map<String, String> photos = new LinkedHashMap<>();
        pending.forEach(t -> photos.put(t, null));
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Element uploader = client.call("flickr.photos.upload.checkTickets", "tickets", String.join(",", pending))
                    .element("uploader");
            List<String> failed = new ArrayList<>();
            List<String> invalid = new ArrayList<>();
            for (Element t : uploader == null ? List.<Element>of() : uploader.elements("ticket")) {
                String id = t.attributeValue("id");
                if (!pending.contains(id)) {
                    continue;
                }
                if ("1".equals(t.attributeValue("invalid"))) {
                    invalid.add(id);
                } else if ("2".equals(t.attributeValue("complete"))) {
                    failed.add(id);
                } else if ("1".equals(t.attributeValue("complete")) && t.attributeValue("photoid") != null) {
                    photos.put(id, t.attributeValue("photoid"));
                    pending.remove(id);
                }
            }
            if (!failed.isEmpty()) {
                throw new TicketException(TicketException.Reason.FAILED, failed, named(failed)
                        + " failed: Flickr could not process the file");
            }
            if (!invalid.isEmpty()) {
                throw new TicketException(TicketException.Reason.INVALID, invalid, named(invalid)
                        + (invalid.size() == 1 ? " is" : " are") + " unknown to Flickr");
            }
            if (pending.isEmpty()) {
                return photos;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<String> still = List.copyOf(pending);
                throw new TicketException(TicketException.Reason.TIMED_OUT, still, "timed out after "
                        + wait.toMillis() + " ms waiting for " + named(still)
                        + " (still being processed; wait again with the same ticket)");
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                List<String> still = List.copyOf(pending);
                throw new TicketException(TicketException.Reason.INTERRUPTED, still,
                        "interrupted while waiting for " + named(still));
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private static Set<String> check(Collection<String> tickets, Duration timeout) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        if (tickets == null || tickets.isEmpty()) {
            problems.add("no ticket was given");
        } else {
            for (String t : tickets) {
                if (t == null) {
                    problems.add("a ticket id is null");
                } else if (t.isBlank()) {
                    problems.add("a ticket id is empty");
                } else {
                    ids.add(t.strip());
                }
            }
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            problems.add("the time to wait must be a positive duration, not " + timeout);
        }
        if (!problems.isEmpty()) {
            throw new FlickrArgumentException("flickr.photos.upload.checkTickets", problems);
        }
        return ids;
    }

    /** The tickets as the messages name them: {@code upload ticket 7} or {@code upload tickets 7, 8}. */
    private static String named(List<String> tickets) {
        return "upload ticket" + (tickets.size() == 1 ? " " : "s ") + String.join(", ", tickets);
    }
}
