#!/usr/bin/env bash
# Runs `WATCHER... --expect 127.0.0.1:MODEL -- python3 spy.py ...` inside the network namespace of
# `unshare -rn` (the caller's job). Every address is made local to that namespace's loopback
# (`ip route add local default dev lo`), so a DNS query or a connect to 203.0.113.7 is refused at once inside
# the machine, still seen by strace, and no packet ever leaves. The spy's model and TLS sink serve on
# 127.0.0.1 in the same namespace, started before the watch so they are not part of what is watched.
#
#   unshare -rn bash in-netns.sh SPY.py spy|clean WATCHER...
set -u
spy=$1 mode=$2; shift 2
ip link set lo up && ip route add local default dev lo || { echo "in-netns: cannot set up the namespace's loopback" >&2; exit 97; }
ip -6 route add local ::/0 dev lo 2>&- || true  # (no /dev/null: some containers deny it to other users)
dir=$(mktemp -d)
/usr/bin/python3 -I -S "$spy" --serve "$dir" & server=$!
trap 'kill $server || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 400); do [ -s "$dir/ports" ] && break; sleep 0.025; done
read -r model sink < "$dir/ports" || { echo "in-netns: the spy's servers did not start" >&2; exit 97; }
if [ "$mode" = clean ]; then
  "$@" --expect "127.0.0.1:$model" -- /bin/bash --norc --noprofile "$(dirname "$spy")/clean.sh" "127.0.0.1:$model"
else
  "$@" --expect "127.0.0.1:$model" -- /usr/bin/python3 -I -S "$spy" --model "127.0.0.1:$model" --sink "127.0.0.1:$sink"
fi
