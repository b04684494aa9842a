/**
 * The library's entry points: the static facade {@link org.flickrdynamic.Flickr}, the immutable
 * {@link org.flickrdynamic.FlickrClient} and its builder, a method as a value ({@link org.flickrdynamic.FlickrMethod}),
 * the API as a tree for dotted calls ({@link org.flickrdynamic.FlickrApi}), answers ({@link org.flickrdynamic.Rsp}),
 * the signing schemes ({@link org.flickrdynamic.Signing}) and the exceptions, all under
 * {@link org.flickrdynamic.FlickrException}.
 *
 * <p><b>API</b>: users may name every public type here.
 */
package org.flickrdynamic;
