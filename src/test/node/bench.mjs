// flickr-sdk, unmodified, against bin/bench's static server: only its address changes, through a
// transport that sends Flickr's URLs to the server's origin (as in flickr-sdk-steps.mjs).
//
//   node bench.mjs cold ORIGIN                            one flickr.test.echo, then exit (spawn to exit)
//   node bench.mjs search ORIGIN CONCURRENCY WARMUP_S MEASURE_S
//                                                         500-photo search pages: prints pages/s and the
//                                                         process's CPU ms per page
//   node bench.mjs calls ORIGIN N                         N search pages one after another (peak memory)
import { createFlickr, FetchTransport } from "flickr-sdk"

const [mode, origin, ...rest] = process.argv.slice(2)

class StaticTransport extends FetchTransport {
  fetch(url, init) {
    return super.fetch(url.replace(/^https:\/\/(api|up|www)\.flickr\.com/, origin), init)
  }
}

const { flickr } = createFlickr("bench", new StaticTransport())
const extras = "license,date_upload,owner_name,url_m"

async function page() {
  const res = await flickr("flickr.photos.search", { min_upload_date: "0", per_page: "500", extras })
  if (res.photos.photo.length !== 500) throw new Error("expected 500 photos, got " + res.photos.photo.length)
}

if (mode === "cold") {
  const res = await flickr("flickr.test.echo", { foo: "bar" })
  if (res.foo._content !== "bar") throw new Error("the echo did not come back")
} else if (mode === "calls") {
  for (let k = 0; k < Number(rest[0]); k++) await page()
} else if (mode === "search") {
  const [concurrency, warmup, measure] = rest.map(Number)
  let done = 0
  let stop = false
  const worker = async () => {
    while (!stop) {
      await page()
      done++
    }
  }
  const workers = Array.from({ length: concurrency }, worker)
  await new Promise((r) => setTimeout(r, warmup * 1000))
  const pages0 = done
  const cpu0 = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  await new Promise((r) => setTimeout(r, measure * 1000))
  const pages1 = done
  const cpu1 = process.cpuUsage(cpu0)
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  stop = true
  await Promise.all(workers)
  const n = pages1 - pages0
  console.log((n / seconds).toFixed(1) + " " + ((cpu1.user + cpu1.system) / 1000 / n).toFixed(1))
} else {
  console.error("usage: node bench.mjs cold|search|calls ORIGIN ...")
  process.exit(2)
}
