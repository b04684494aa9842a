# Searches for photos tagged "cat" and prints three pages of titles and photo page URLs (JRuby).
# The endpoint, key and secret come from FLICKR_ENDPOINT, FLICKR_API_KEY and FLICKR_API_SECRET.
#   against the sandbox:  bin/flickr-example --sandbox ruby
require 'java'
java_import 'org.flickrdynamic.Flickr'

# Flickr.api is a map of groups and methods; a Ruby hash with symbol keys gives the arguments.
search = Flickr.api['photos']['search']
(1..3).each do |page|
  photos = search.(tags: 'cat', per_page: 5, page: page).element('photos')
  pages = photos.attribute_value('pages').to_i
  puts "page #{page} of #{pages} (#{photos.attribute_value('total')} photos)"
  photos.elements('photo').each do |photo|
    puts "  #{photo.attribute_value('title')}  https://www.flickr.com/photos/#{photo.attribute_value('owner')}/#{photo.attribute_value('id')}"
  end
  break if page >= pages
end
