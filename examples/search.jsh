// Searches for photos tagged "cat" and prints three pages of titles and photo page URLs.
// The endpoint, key and secret come from FLICKR_ENDPOINT, FLICKR_API_KEY and FLICKR_API_SECRET.
//   against the sandbox:  bin/flickr-example --sandbox jshell   (or: bin/flickr-shell --sandbox examples/search.jsh)
//   against Flickr:       FLICKR_API_KEY=... bin/flickr-shell examples/search.jsh
import org.dom4j.Element;
import org.flickrdynamic.Flickr;
import org.flickrdynamic.FlickrMethod;
import org.flickrdynamic.Rsp;

FlickrMethod search = Flickr.method("photos.search");   // a method as a value; search.help() documents it

for (int page = 1; page <= 3; page++) {
    Element photos = Rsp.payload(search.call("tags", "cat", "per_page", 5, "page", page));
    int pages = Integer.parseInt(photos.attributeValue("pages"));
    System.out.println("page " + page + " of " + pages + " (" + photos.attributeValue("total") + " photos)");
    for (Element photo : photos.elements("photo")) {
        System.out.println("  " + photo.attributeValue("title") + "  https://www.flickr.com/photos/"
                + photo.attributeValue("owner") + "/" + photo.attributeValue("id"));
    }
    if (page >= pages) {
        break;
    }
}
/exit
