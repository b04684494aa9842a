/**
 * The {@code bin/flickr} command line (picocli): calls, output, logins, uploads, completion and
 * {@code methods refresh}.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.cli;
