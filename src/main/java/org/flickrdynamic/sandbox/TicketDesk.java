package org.flickrdynamic.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The tickets of asynchronous uploads ({@code async=1}): each is processed after a delay (the sandbox's
 * {@code ticketDelay}), on a thread of its own, and then either gives a photo or fails, and
 * {@code flickr.photos.upload.checkTickets} reports its state in Flickr's format. Thread-safe.
 */
final class TicketDesk implements AutoCloseable {
    /** One ticket's state: {@code 0} processing, {@code 1} done with {@code photoId}, {@code 2} failed. */
    private record Ticket(int complete, String photoId) {
    }

    private final Duration delay;
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1000);
    private final ScheduledExecutorService processor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flickr-sandbox-tickets");
        t.setDaemon(true);
        return t;
    });

    TicketDesk(Duration delay) {
        this.delay = delay;
    }

    /**
     * Takes an upload to process later and returns its ticket id.
     *
     * @param processing makes the photo and returns its id, or returns {@code null} when the file cannot
     *                   be processed (the ticket then fails)
     */
    String take(Supplier<String> processing) {
        String id = Long.toString(next.incrementAndGet());
        tickets.put(id, new Ticket(0, null));
        processor.schedule(() -> {
            String photoId;
            try {
                photoId = processing.get();
            } catch (RuntimeException e) {
                photoId = null; // a photo deleted meanwhile, say: the ticket fails as Flickr's would
            }
            tickets.put(id, photoId == null ? new Ticket(2, null) : new Ticket(1, photoId));
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
        return id;
    }

    /** {@code flickr.photos.upload.checkTickets}: one {@code <ticket>} per id asked for, in order. */
    String check(Gatekeeper.Admitted request, Map<String, String> params) {
        Xml x = new Xml(256).open("uploader").body();
        for (String raw : params.getOrDefault("tickets", "").split(",")) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            Ticket t = tickets.get(id);
            x.open("ticket").attr("id", id);
            if (t == null) {
                x.attr("invalid", 1);
            } else {
                x.attr("complete", t.complete());
                if (t.photoId() != null) {
                    x.attr("photoid", t.photoId());
                }
            }
            x.end();
        }
        return x.close("uploader").toString();
    }

    @Override
    public void close() {
        processor.shutdownNow();
    }
}
