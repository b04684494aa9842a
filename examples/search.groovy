// Searches for photos tagged "cat" and prints three pages of titles and photo page URLs.
// The endpoint, key and secret come from FLICKR_ENDPOINT, FLICKR_API_KEY and FLICKR_API_SECRET.
//   against the sandbox:  bin/flickr-example --sandbox groovy
import org.flickrdynamic.Flickr

def tag = 'cat'
for (page in 1..3) {
    // Dotted calls: Flickr.api() is a map of groups and methods; named arguments arrive as a map.
    def photos = Flickr.api().photos.search(tags: "$tag", per_page: 5, page: page).element('photos')
    int pages = photos.attributeValue('pages') as int
    println "page $page of $pages (${photos.attributeValue('total')} photos)"
    photos.elements('photo').each { photo ->
        println "  ${photo.attributeValue('title')}  https://www.flickr.com/photos/${photo.attributeValue('owner')}/${photo.attributeValue('id')}"
    }
    if (page >= pages) break
}
