#!/bin/sh
# The spool's consistency checker: one line per result that is not whole (its first line must be its key,
# its last "processed by <worker>"); exits 1 when it found any, 0 when all are whole, 2 when it cannot look.
# Usage: sh check.sh SPOOL
spool=$1
[ -d "$spool/done" ] || { echo "no folder $spool/done" >&2; exit 2; }
found=0
for file in "$spool/done"/*; do
  [ -e "$file" ] || continue
  key=$(basename "$file")
  if [ "$(head -n 1 "$file")" != "$key" ] || ! tail -n 1 "$file" | grep -q '^processed by '; then
    echo "done/$key is torn: $(wc -c <"$file") bytes"
    found=1
  fi
done
exit $found
