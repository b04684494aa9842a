package org.flickrdynamic.internal.request;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.flickrdynamic.table.MethodSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a method the method table marks retired is called: Flickr's current API no longer lists
 * it, so Flickr may refuse it. The call is still sent (Flickr may still answer it); the warning is
 * logged once per method in a JVM, so a loop calling it does not flood the log.
 */
public final class RetiredMethods {
    private static final Logger LOG = LoggerFactory.getLogger(RetiredMethods.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private RetiredMethods() {
    }

    /** Forgets which methods were warned about, so a test sees the first warning again. */
    static void forgetWarnings() {
        WARNED.clear();
    }

    /** Logs the warning for a retired method, the first time this JVM calls it. */
    public static void warnOnce(MethodSpec method) {
        if (method.retired() && WARNED.add(method.name())) {
            LOG.warn("{} is retired: Flickr's current API no longer lists it, so Flickr may refuse the call",
                    method.name());
        }
    }
}
