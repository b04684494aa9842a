package org.flickrdynamic.upload;

import java.util.List;

import org.flickrdynamic.table.ArgumentSpec;
import org.flickrdynamic.table.ErrorSpec;
import org.flickrdynamic.table.MethodSpec;
import org.flickrdynamic.table.Permission;
import org.flickrdynamic.table.Source;

/**
 * Flickr's upload and replace endpoints described as if they were methods of the table, so a call to
 * them is validated, signed and its errors explained by the same stages as any REST call. Neither is
 * in {@code methods.yaml}: Flickr documents them apart ("Uploading Photos", "Replacing Photos"), since
 * they take a file.
 */
final class UploadSpecs {
    /** The name an upload goes by in messages and exceptions. */
    static final String UPLOAD_NAME = "upload";
    /** The name a replace goes by in messages and exceptions. */
    static final String REPLACE_NAME = "replace";

    /** The upload error codes Flickr documents besides the common ones (95-116), which the table supplies. */
    private static final List<ErrorSpec> UPLOAD_ERRORS = List.of(
            new ErrorSpec(2, "No photo specified", "The photo required argument was missing."),
            new ErrorSpec(3, "General upload failure", "The file was not correctly uploaded."),
            new ErrorSpec(4, "Filesize was zero", "The file was zero bytes in length."),
            new ErrorSpec(5, "Filetype was not recognised", "The file was not of a recognised image format."),
            new ErrorSpec(6, "User exceeded upload limit", "The calling user has reached their monthly bandwidth limit."),
            new ErrorSpec(8, "Filesize too large", "The file is larger than Flickr accepts for this account."));

    static final MethodSpec UPLOAD = new MethodSpec(UPLOAD_NAME,
            "Uploads a photo or video (POST to the upload endpoint, multipart/form-data).", Source.API, true, true,
            Permission.WRITE, "POST", List.of(
                    new ArgumentSpec("title", false, "The title of the photo."),
                    new ArgumentSpec("description", false, "A description of the photo. May contain some limited HTML."),
                    new ArgumentSpec("tags", false, "A space-separated list of tags; a list is joined with spaces,"
                            + " a tag with a space in it quoted."),
                    new ArgumentSpec("is_public", false, "0 or 1: whether everyone may see the photo."),
                    new ArgumentSpec("is_friend", false, "0 or 1: whether the user's friends may see it."),
                    new ArgumentSpec("is_family", false, "0 or 1: whether the user's family may see it."),
                    new ArgumentSpec("safety_level", false, "1 Safe, 2 Moderate, 3 Restricted."),
                    new ArgumentSpec("content_type", false, "1 Photo, 2 Screenshot, 3 Other."),
                    new ArgumentSpec("hidden", false, "1 to keep the photo in global search results, 2 to hide it."),
                    new ArgumentSpec("async", false, "1 to answer at once with a ticket id, 0 (default) to wait for the photo id.")),
            null, UPLOAD_ERRORS, "<photoid>1234</photoid>", null);

    static final MethodSpec REPLACE = new MethodSpec(REPLACE_NAME,
            "Replaces the file of a photo already uploaded (POST to the replace endpoint, multipart/form-data).",
            Source.API, true, true, Permission.WRITE, "POST", List.of(
                    new ArgumentSpec("photo_id", true, "The id of the photo to replace."),
                    new ArgumentSpec("async", false, "1 to answer at once with a ticket id, 0 (default) to wait.")),
            null, replaceErrors(), "<photoid secret=\"abcdef\" originalsecret=\"abcdef\">1234</photoid>", null);

    private UploadSpecs() {
    }

    private static List<ErrorSpec> replaceErrors() {
        List<ErrorSpec> errors = new java.util.ArrayList<>();
        errors.add(new ErrorSpec(1, "Not a pro account", "The calling user must have a pro account."));
        errors.addAll(UPLOAD_ERRORS);
        return List.copyOf(errors);
    }
}
