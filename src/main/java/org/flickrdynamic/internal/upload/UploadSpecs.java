package org.flickrdynamic.internal.upload;

import org.flickrdynamic.FlickrArgumentException;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.MethodTable;

/**
 * Flickr's upload and replace endpoints as the method table describes them (its {@code uploads}), so a
 * call to them is validated, signed and its errors explained by the same stages as any REST call.
 */
final class UploadSpecs {
    /** The name an upload goes by in the table, messages and exceptions. */
    static final String UPLOAD_NAME = "upload";
    /** The name a replace goes by in the table, messages and exceptions. */
    static final String REPLACE_NAME = "replace";

    private UploadSpecs() {
    }

    /**
     * The endpoint's description from the client's table, else from the bundled one (a table refreshed
     * from the reflection methods may leave the uploads out: reflection does not describe them).
     */
    static MethodSpec of(MethodTable table, String name) {
        return table.upload(name).or(() -> MethodTable.bundled().upload(name)).orElseThrow(() ->
                new FlickrArgumentException(name, "the method table " + table.origin() + " does not describe the "
                        + name + " endpoint"));
    }
}
