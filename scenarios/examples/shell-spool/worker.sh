#!/bin/sh
# A spool worker in POSIX shell: claims a file of spool/inbox by renaming it into its own folder (the one
# whose mv succeeds owns it), writes the result to a temporary file, syncs it, renames it into spool/done,
# then drops the claim. A kill at any line is harmless: on restart it first finishes what it had claimed,
# and a temporary file it left is never trusted, only removed. Usage: sh worker.sh SPOOL NAME
set -eu
spool=$1
me=$2
mine="$spool/claimed/$me"
mkdir -p "$spool/inbox" "$mine" "$spool/done"
rm -f "$spool/done/.tmp-$me-"*
echo "ready: $me"

finish() { # $1: a claimed file
  key=$(basename "$1")
  tmp="$spool/done/.tmp-$me-$key"
  { cat "$1"; echo "processed by $me"; } >"$tmp"
  sync "$tmp"
  mv "$tmp" "$spool/done/$key"
  rm -f "$1"
}

while :; do
  for claimed in "$mine"/*; do
    [ -e "$claimed" ] && finish "$claimed"
  done
  for item in "$spool/inbox"/*; do
    [ -e "$item" ] || break
    mv "$item" "$mine/" 2>/dev/null && finish "$mine/$(basename "$item")"
  done
  sleep 0.1
done
