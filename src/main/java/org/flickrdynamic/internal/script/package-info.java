/**
 * What {@code bin/flickr-shell} runs at start: the greeting and the sandbox.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.script;
