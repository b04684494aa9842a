package org.flickrdynamic.internal.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.flickrdynamic.FlickrArgumentException;

/**
 * Collects every problem of one call, so the caller hears of all of them in a single
 * {@link FlickrArgumentException} rather than one per attempt. Per call, never shared.
 */
public final class Problems {
    private final List<String> problems = new ArrayList<>();
    private final Set<String> settings = new LinkedHashSet<>();

    /** Records a problem, a sentence that names the argument or setting at fault. */
    public void add(String problem) {
        problems.add(problem);
    }

    /**
     * Records a problem with a setting of the client, which the caller's own layer may explain how to set.
     *
     * @param setting {@link FlickrArgumentException#API_KEY}, {@link FlickrArgumentException#SECRET} or
     *                {@link FlickrArgumentException#TOKEN}
     */
    public void addSetting(String setting, String problem) {
        problems.add(problem);
        settings.add(setting);
    }

    /** Whether any problem was recorded. */
    public boolean any() {
        return !problems.isEmpty();
    }

    /** Throws one {@link FlickrArgumentException} listing every problem, if there is any. */
    public void throwIfAny(String method) {
        if (!problems.isEmpty()) {
            throw new FlickrArgumentException(method, problems, settings);
        }
    }
}
