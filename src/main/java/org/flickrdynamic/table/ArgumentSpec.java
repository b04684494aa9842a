package org.flickrdynamic.table;

/**
 * One argument of a method, as the method table describes it. The implicit arguments
 * ({@code api_key}, {@code api_sig}, {@code auth_token}, {@code oauth_*}) are never listed.
 *
 * @param name        the argument's name, as sent on the wire
 * @param required    whether the call must give it
 * @param description Flickr's description (may hold HTML)
 */
public record ArgumentSpec(String name, boolean required, String description) {
}
