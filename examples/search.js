// Searches for photos tagged "cat" and prints three pages of titles and photo page URLs (Nashorn).
// The endpoint, key and secret come from FLICKR_ENDPOINT, FLICKR_API_KEY and FLICKR_API_SECRET.
//   against the sandbox:  bin/flickr-example --sandbox js
var Flickr = Java.type('org.flickrdynamic.Flickr');

var api = Flickr.api();   // a map of groups and methods: api.photos.search is a callable method
for (var page = 1; page <= 3; page++) {
    var photos = api.photos.search({tags: 'cat', per_page: 5, page: page}).element('photos');
    var pages = parseInt(photos.attributeValue('pages'));
    print('page ' + page + ' of ' + pages + ' (' + photos.attributeValue('total') + ' photos)');
    var list = photos.elements('photo');
    for (var i = 0; i < list.size(); i++) {
        var photo = list.get(i);
        print('  ' + photo.attributeValue('title') + '  https://www.flickr.com/photos/'
              + photo.attributeValue('owner') + '/' + photo.attributeValue('id'));
    }
    if (page >= pages) {
        break;
    }
}
