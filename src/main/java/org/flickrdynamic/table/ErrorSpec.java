package org.flickrdynamic.table;

/**
 * An error code Flickr documents, for one method or for all of them.
 *
 * @param code        the numeric code
 * @param message     the short message, e.g. "Photo not found"
 * @param explanation the longer explanation, or {@code null}
 * @param source      where the table has the code from: a name of the table's {@code sources}
 *                    ({@code seed}, {@code reflection}, {@code api}...) or a citation of the public
 *                    evidence that Flickr sends it; {@code null} when the table does not say
 * @param temporary   whether the code reports a passing failure on Flickr's side, so the same call may
 *                    succeed when repeated (105 Service currently unavailable)
 */
public record ErrorSpec(int code, String message, String explanation, String source, boolean temporary) {

    /**
     * A code of no stated source that reports no passing failure.
     *
     * @param code the numeric code
     * @param message the short message, e.g. "Photo not found"
     * @param explanation the longer explanation, or {@code null}
     */
    public ErrorSpec(int code, String message, String explanation) {
        this(code, message, explanation, null, false);
    }

    /**
     * The same code marked as coming from {@code newSource}.
     *
     * @param newSource the new source
     * @return the same code marked as coming from {@code newSource}
     */
    public ErrorSpec withSource(String newSource) {
        return new ErrorSpec(code, message, explanation, newSource, temporary);
    }
}
