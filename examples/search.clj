;; Searches for photos tagged "cat" and prints three pages of titles and photo page URLs.
;; The endpoint, key and secret come from FLICKR_ENDPOINT, FLICKR_API_KEY and FLICKR_API_SECRET.
;;   against the sandbox:  bin/flickr-example --sandbox clojure
(import '(org.flickrdynamic Flickr))

;; A method as a value; its arguments are a map with keyword keys.
(def search (Flickr/method "photos.search"))

(loop [page 1]
  (let [photos (.element (.call search {:tags "cat" :per_page 5 :page page}) "photos")
        pages  (Long/parseLong (.attributeValue photos "pages"))]
    (println (str "page " page " of " pages " (" (.attributeValue photos "total") " photos)"))
    (doseq [photo (.elements photos "photo")]
      (println (str "  " (.attributeValue photo "title")
                    "  https://www.flickr.com/photos/" (.attributeValue photo "owner") "/" (.attributeValue photo "id"))))
    (when (and (< page 3) (< page pages))
      (recur (inc page)))))
