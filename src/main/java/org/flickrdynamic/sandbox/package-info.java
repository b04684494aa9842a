/**
 * A local fake Flickr over real HTTP on 127.0.0.1, for tests with any Flickr client:
 * {@link org.flickrdynamic.sandbox.Sandbox} and the values its methods take and give. Its routes and data
 * are package-private.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic.sandbox;
