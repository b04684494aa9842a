package org.flickrdynamic.table;

/**
 * An error code Flickr documents, for one method or for all of them.
 *
 * @param code        the numeric code
 * @param message     the short message, e.g. "Photo not found"
 * @param explanation the longer explanation, or {@code null}
 */
public record ErrorSpec(int code, String message, String explanation) {
}
