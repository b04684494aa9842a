/**
 * How often and how long a client retries a failure that may pass; which failures those are is
 * the library's one rule, not a setting.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.retry;
