#!/bin/sh
# The client's operation (crashtest's workload runs it once per key): put the key in the spool's inbox
# atomically (write, sync, rename); exit 0 acknowledges it. Idempotent: a key already done is not queued again.
# Usage: sh put.sh SPOOL   (the key comes in $CRASHTEST_KEY)
set -eu
spool=$1
key=$CRASHTEST_KEY
[ -e "$spool/done/$key" ] && exit 0
tmp="$spool/tmp/$key.$$"
echo "$key" >"$tmp"
sync "$tmp"
mv "$tmp" "$spool/inbox/$key"
