#!/usr/bin/env bash
# Installs what Sovereign needs on Debian/Ubuntu and puts the Native AOT `sov` binary on PATH.
#   apt packages: clang + zlib1g-dev (Native AOT linking), bubblewrap (the shell sandbox),
#                 tmux (terminal tests), ripgrep (the scan benchmark's comparison)
#                 strace (the network observer in tests and bench/egress-trace)
#                 python3 (fixture generators and scripts the tests run)
#   binary:       $PREFIX/bin/sov (PREFIX defaults to /usr/local)
# Needs the .NET 10 SDK on PATH. Re-running it is safe. Set SOV_SKIP_APT=1 to skip apt.
set -euo pipefail
cd "$(dirname "$0")"
prefix=${PREFIX:-/usr/local}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(clang zlib1g-dev bubblewrap tmux ripgrep strace python3)
if [ "${SOV_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install: apt packages: ${missing[*]}" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

command -v dotnet >/dev/null || { echo "install: the .NET 10 SDK is needed (dotnet not on PATH)." >&2; exit 3; }
out=artifacts/install
mkdir -p "$out"
log=$out/publish.log
echo "install: publishing the Native AOT binary (two minutes or so the first time; full log: $log)" >&2
# Progress: one line per project built and for the native link; compiler errors and warnings in full.
set +e
seen=
dotnet publish src/Sov.Cli/Sov.Cli.csproj -c Release -r linux-x64 -o "$out" -nologo -v:minimal -tl:off 2>&1 \
  | tee "$log" | while IFS= read -r line; do
      case $line in
        *": error "*|*": warning "*) echo "$line" >&2 ;;
        *" -> "*) name=${line%% -> *}; name=${name##* }
                  case " $seen " in *" $name "*) ;; *) seen="$seen $name"; echo "install:   built $name" >&2 ;; esac ;;
        *"Generating native code"*) echo "install:   linking the native binary" >&2 ;;
      esac
    done
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "install: the build failed (errors above; the whole log is $log). Fix them and run ./install.sh again." >&2
  exit 1
fi
as_root install -D -m 0755 "$out/sov" "$prefix/bin/sov"
echo "install: $prefix/bin/sov $("$prefix/bin/sov" --version)" >&2
