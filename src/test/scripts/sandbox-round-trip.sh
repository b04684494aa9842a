#!/usr/bin/env bash
# Uploads a file, tags it and downloads it back through separate `flickr --sandbox` commands, each its
# own process, and compares the bytes: what one command uploads and edits, the next one sees.
#   src/test/scripts/sandbox-round-trip.sh [path/to/bin/flickr]
# Uses (and resets) the sandbox folder under $FLICKR_DYNAMIC_HOME. Exits 0 when every step holds.
set -euo pipefail
flickr="${1:-$(dirname "$0")/../../../bin/flickr}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$flickr" sandbox reset > /dev/null

# A file the upload endpoint takes: JPEG's first bytes, then 200 KB of noise.
printf '\377\330\377\340' > "$work/photo.jpg"
head -c 200000 /dev/urandom >> "$work/photo.jpg"

id="$("$flickr" --sandbox upload "$work/photo.jpg" title=Round-trip is_public=0)"
[[ "$id" =~ ^[0-9]+$ ]] || { echo "upload printed '$id', not a photo id" >&2; exit 1; }

"$flickr" --sandbox photos.addTags "photo_id=$id" tags=kept > /dev/null
tags="$("$flickr" --sandbox --xpath '//tag/@raw' photos.getInfo "photo_id=$id")"
[ "$tags" = kept ] || { echo "the tag of the last command is gone: '$tags'" >&2; exit 1; }

mkdir "$work/out"
path="$("$flickr" --sandbox download "$id" --to "$work/out")"
cmp "$work/photo.jpg" "$path" || { echo "the downloaded file differs from the uploaded one" >&2; exit 1; }

"$flickr" sandbox reset > /dev/null
if "$flickr" --sandbox download "$id" --to "$work/out" 2> "$work/err"; then
  echo "after a reset the photo is still there" >&2; exit 1
fi
grep -q "Photo not found" "$work/err" || { cat "$work/err" >&2; exit 1; }
echo "round trip ok: photo $id, $(wc -c < "$path") bytes"
