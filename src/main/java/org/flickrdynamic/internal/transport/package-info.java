/**
 * The pooled HTTP transport: timeouts and deadlines, decompression, the size cap on the wire.
 *
 * <p><b>Internal</b>: not for users; may change without notice.
 */
package org.flickrdynamic.internal.transport;
