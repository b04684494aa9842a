/**
 * The rate limit per API key: how many requests in which period, and the limiter clients share.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.limit;
