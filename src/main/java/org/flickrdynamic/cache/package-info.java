/**
 * The response cache of unsigned reads, which clients made from one another share.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.cache;
