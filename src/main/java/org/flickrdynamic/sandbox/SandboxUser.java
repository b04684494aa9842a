package org.flickrdynamic.sandbox;

/**
 * A user of the sandbox's data set.
 *
 * @param nsid     the user's id, e.g. {@code 12037949754@N01}
 * @param username the screen name
 * @param realname the real name
 */
public record SandboxUser(String nsid, String username, String realname) {
}
