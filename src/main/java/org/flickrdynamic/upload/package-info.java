/**
 * Waiting on the tickets of asynchronous uploads.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.upload;
