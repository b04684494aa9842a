// Drives flickr-sdk, unmodified, against a running sandbox: only its address changes, through a
// transport that sends Flickr's URLs to the sandbox's origin. Run by FlickrSdkTest, which reads the
// "name=value" lines printed here and checks them against the sandbox.
//
//   SANDBOX_ORIGIN=http://127.0.0.1:PORT API_KEY=... API_SECRET=... PHOTO_FILE=... OTHER_USER=NSID \
//     node flickr-sdk-steps.mjs
import { createFlickr, FetchTransport } from "flickr-sdk"

const origin = process.env.SANDBOX_ORIGIN
const key = process.env.API_KEY
const secret = process.env.API_SECRET
const photoFile = process.env.PHOTO_FILE
const otherUser = process.env.OTHER_USER

/** Flickr's URLs, sent to the sandbox: the address is the one thing changed. */
function here(url) {
  return url.replace(/^https:\/\/(api|up|www)\.flickr\.com/, origin)
}

class SandboxTransport extends FetchTransport {
  fetch(url, init) {
    return super.fetch(here(url), init)
  }
}

const transport = new SandboxTransport()

function out(name, value) {
  console.log(name + "=" + (Array.isArray(value) ? value.join(",") : String(value)))
}

async function step(name, body) {
  try {
    await body()
  } catch (e) {
    out(name + ".error", (e && e.message ? e.message : String(e)).replace(/\n/g, " "))
  }
}

const anonymous = createFlickr(key, transport)

await step("echo", async () => {
  const res = await anonymous.flickr("flickr.test.echo", { foo: "bar" })
  out("echo.stat", res.stat)
  out("echo.foo", res.foo._content)
})

let firstId
await step("search", async () => {
  const res = await anonymous.flickr("flickr.photos.search", {
    tags: "cat",
    per_page: "20",
    extras: "date_upload,tags,url_s",
  })
  out("search.total", res.photos.total)
  out("search.ids", res.photos.photo.map((p) => p.id))
  out("search.everyTagged", res.photos.photo.every((p) => p.tags.split(" ").includes("cat")))
  out("search.everyDated", res.photos.photo.every((p) => /^[0-9]+$/.test(p.dateupload)))
  out("search.everyUrl", res.photos.photo.every((p) => p.url_s.startsWith("https://")))
  firstId = res.photos.photo[0].id
})

await step("info", async () => {
  const res = await anonymous.flickr("flickr.photos.getInfo", { photo_id: firstId })
  out("info.id", res.photo.id)
  out("info.title", res.photo.title._content)
  out("info.owner", res.photo.owner.nsid)
  out("info.tagsIsArray", Array.isArray(res.photo.tags.tag))
})

await step("sizes", async () => {
  const res = await anonymous.flickr("flickr.photos.getSizes", { photo_id: firstId })
  out("sizes.sources", res.sizes.size.map((s) => s.source))
  out("sizes.widthsAreNumbers", res.sizes.size.every((s) => typeof s.width === "number"))
})

let user
await step("login", async () => {
  const { oauth } = createFlickr(
    { consumerKey: key, consumerSecret: secret, oauthToken: false, oauthTokenSecret: false },
    transport,
  )
  const { requestToken, requestTokenSecret } = await oauth.request("http://127.0.0.1:9/callback")
  // The user's browser at the authorize page: the sandbox approves at once and redirects with a verifier.
  const page = await fetch(here(oauth.authorizeUrl(requestToken, "write")), { redirect: "manual" })
  const verifier = new URL(page.headers.get("location")).searchParams.get("oauth_verifier")
  const { oauth: verifying } = createFlickr(
    { consumerKey: key, consumerSecret: secret, oauthToken: requestToken, oauthTokenSecret: requestTokenSecret },
    transport,
  )
  user = await verifying.verify(verifier)
  out("login.nsid", user.nsid)
  out("login.username", user.username)
})

const signedIn = () =>
  createFlickr(
    { consumerKey: key, consumerSecret: secret, oauthToken: user.oauthToken, oauthTokenSecret: user.oauthTokenSecret },
    transport,
  )

await step("signed", async () => {
  const { flickr } = signedIn()
  const me = await flickr("flickr.test.login", {})
  out("signed.id", me.user.id)
  const mine = await flickr("flickr.people.getPhotos", { user_id: "me", per_page: "1" })
  const photoId = mine.photos.photo[0].id
  // addTags is one of flickr-sdk's POST methods: a multipart/form-data body.
  await flickr("flickr.photos.addTags", { photo_id: photoId, tags: "flickrsdk" })
  const after = await flickr("flickr.photos.getInfo", { photo_id: photoId })
  out("signed.tagged", photoId)
  out("signed.tags", after.photo.tags.tag.map((t) => t._content))
})

await step("upload", async () => {
  const { upload, replace, flickr } = signedIn()
  const added = await upload(photoFile, { title: "From flickr-sdk", tags: "uploaded" })
  out("upload.id", added.id)
  const info = await flickr("flickr.photos.getInfo", { photo_id: added.id })
  out("upload.title", info.photo.title._content)
  out("upload.owner", info.photo.owner.nsid)
  const replaced = await replace(added.id, photoFile)
  out("replace.id", replaced.id)
  out("replace.newSecret", replaced.secret !== info.photo.secret)
})

await step("badSignature", async () => {
  const { flickr } = createFlickr(
    { consumerKey: key, consumerSecret: "not-the-secret", oauthToken: user.oauthToken, oauthTokenSecret: user.oauthTokenSecret },
    transport,
  )
  try {
    await flickr("flickr.test.login", {})
    out("badSignature.refused", false)
  } catch (e) {
    out("badSignature.refused", true)
    out("badSignature.message", e.message)
  }
})

await step("paging", async () => {
  const ask = (page) =>
    anonymous.flickr("flickr.photos.search", { user_id: otherUser, per_page: "50", page: String(page) })
  const one = await ask(1)
  const two = await ask(2)
  const past = await ask(one.photos.pages + 1)
  out("paging.pages", one.photos.pages)
  out("paging.one", one.photos.photo.map((p) => p.id))
  out("paging.two", two.photos.photo.map((p) => p.id))
  out("paging.pastPage", past.photos.page)
  out("paging.pastCount", past.photos.photo.length)
})

await step("refused", async () => {
  try {
    await anonymous.flickr("flickr.photos.search", {})
  } catch (e) {
    out("refused.message", e.message)
    out("refused.code", e.cause.code)
  }
})
