#!/usr/bin/env bash
# What the test suite needs from the system, checked before every `npm test` (the pretest hook).
# Silent when all is there; as root with apt-get it installs what is missing; otherwise it prints
# the one command to run and exits 1, before any test can fail with ENOENT.
# With --main (the prepare hook, run by `npm ci`): only what the README's main command needs (strace,
# for its armed faults); without root it prints the command to run and lets the install go on.
set -euo pipefail
main_only=0
[[ ${1:-} == --main ]] && main_only=1

# The single list: a command the tests run → the Debian package that provides it.
NEEDS=(
  qemu-img:qemu-utils       # the reference the converter's output is compared with
  redis-server:redis-server # preset redis, the full topology
  redis-cli:redis-tools
  postgres:postgresql       # preset postgres; also looked for in /usr/lib/postgresql/*/bin
  chromium:chromium         # report.html is tested in a real headless browser
  strace:strace             # the converter's fsync test watches its system calls
  mkfs.ext4:e2fsprogs       # power loss: a loop-mounted ext4 volume...
  losetup:mount
  xfs_io:xfsprogs           # ...shut down with the ext4 shutdown ioctl
  python3:python3           # the worked examples (scenarios/examples/) and crashtest init's test service
)

# A non-root PATH on Debian lacks the sbin folders, where mkfs.ext4, losetup and xfs_io live;
# crashtest looks there too (src/power/command.ts), and so does this check.
has() {
  local dir
  command -v "$1" >/dev/null && return 0
  for dir in /usr/local/sbin /usr/sbin /sbin; do [[ -x $dir/$1 ]] && return 0; done
  [[ $1 == postgres ]] && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && return 0
  return 1
}

# Read /etc/passwd as src/presets/accounts.ts does; pure bash keeps the all-present path fast.
has_account() {
  local line
  while IFS= read -r line; do [[ $line == "$1":* ]] && return 0; done </etc/passwd
  return 1
}

# The main scenario arms its faults with strace; nothing else it runs comes from the system.
NEEDS_MAIN=(strace:strace)
((main_only)) && NEEDS=("${NEEDS_MAIN[@]}")
lead="crashtest tests need"
again=", then run npm test again"
((main_only)) && lead="crashtest run scenarios/converter.yml needs" && again=""

missing_packages() {
  local pair
  for pair in "${NEEDS[@]}"; do has "${pair%%:*}" || echo "${pair#*:}"; done
}

can_install() { ((EUID == 0)) && command -v apt-get >/dev/null; }

mapfile -t missing < <(missing_packages)
if ((${#missing[@]})); then
  if ! can_install; then
    if command -v apt-get >/dev/null; then
      echo "$lead: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
    else
      echo "$lead (Debian package names): ${missing[*]}; install them with your package manager$again" >&2
    fi
    exit $((1 - main_only))
  fi
  # apt's hundreds of lines go to a file, shown only when it fails.
  log=$(mktemp)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "$lead: ${missing[*]}; apt-get failed installing them (its last lines are above)" >&2
    exit $((1 - main_only))
  fi
  rm -f "$log"
  mapfile -t still < <(missing_packages)
  if ((${#still[@]})); then
    echo "$lead: ${still[*]}; apt-get installed them but their commands are still not found" >&2
    exit $((1 - main_only))
  fi
  echo "crashtest: installed ${missing[*]} (apt-get), needed by ${lead% need*}"
fi

((main_only)) && exit 0

# preset postgres runs the server as the unprivileged postgres account: the Debian package creates
# it, a PostgreSQL installed another way may not have.
if ! has_account postgres; then
  add=(useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres)
  if ((EUID != 0)); then
    echo "crashtest tests need the postgres account (preset postgres runs the server as it); run: sudo ${add[*]}" >&2
    exit 1
  fi
  "${add[@]}"
  echo "crashtest: created the postgres account, needed by the tests"
fi
