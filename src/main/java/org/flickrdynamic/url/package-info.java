/**
 * Photo source, page and short URLs made from an answer's attributes, without a call; base 58.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.url;
