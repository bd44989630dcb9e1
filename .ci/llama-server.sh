#!/usr/bin/env bash
# Builds llama.cpp's llama-server (CPU only, static, no OpenSSL, no web UI) from the source that the npm
# package node-llama-cpp carries as a git bundle, and caches it outside the checkout, keyed by the
# llama.cpp commit, with a tiny qwen2 model written offline beside it (.ci/tiny-qwen2.py, needs python3-numpy).
# Prints the cache folder on its last line. The build runs in a network namespace of
# its own, so nothing it might try to download can leave the machine.
# Usage: .ci/llama-server.sh            build when missing
# Env:   SOV_LLAMA_CACHE (default ~/.cache/sov-llama), SOV_LLAMA_NPM (default node-llama-cpp@3.21.1)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache_root="${SOV_LLAMA_CACHE:-$HOME/.cache/sov-llama}"
package="${SOV_LLAMA_NPM:-node-llama-cpp@3.21.1}"
mkdir -p "$cache_root"
work="$cache_root/src-$(echo "$package" | tr '@/' '__')"
if [ ! -f "$work/bundle/gitRelease.bundle" ]; then
  rm -rf "$work.tmp" && mkdir -p "$work.tmp/bundle"
  (cd "$work.tmp" && npm pack --silent "$package" >/dev/null)
  tar -xzf "$work.tmp"/*.tgz -C "$work.tmp" package/llama/gitRelease.bundle
  mv "$work.tmp/package/llama/gitRelease.bundle" "$work.tmp/bundle/"
  rm -rf "$work.tmp/package" "$work.tmp"/*.tgz
  rm -rf "$work" && mv "$work.tmp" "$work"
fi
commit="$(git bundle list-heads "$work/bundle/gitRelease.bundle" | awk 'NR==1{print $1}')"
out="$cache_root/$commit"
model() {  # the tiny model, written when missing (about 20 seconds)
  [ -f "$out/models/tiny-qwen2.gguf" ] && return 0
  echo "llama-server: writing the tiny qwen2 test model..." >&2
  /usr/bin/python3 "$here/tiny-qwen2.py" "$out" >/dev/null
}
if [ -x "$out/bin/llama-server" ]; then model; echo "$out"; exit 0; fi
if [ ! -d "$work/llama.cpp/.git" ]; then
  rm -rf "$work/llama.cpp"
  git clone -q "$work/bundle/gitRelease.bundle" "$work/llama.cpp" 2>/dev/null
fi
build="$work/build"
echo "llama-server: building llama.cpp $commit (about 13 minutes on 2 cores)..." >&2
unshare -rn cmake -S "$work/llama.cpp" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
  -DGGML_NATIVE=OFF -DGGML_OPENMP=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF -DLLAMA_BUILD_UI=OFF \
  -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=ON \
  -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_APP=OFF -DLLAMA_LLGUIDANCE=OFF >"$cache_root/cmake.log" 2>&1 \
  || { tail -20 "$cache_root/cmake.log" >&2; echo "llama-server: cmake configure failed (log: $cache_root/cmake.log)" >&2; exit 1; }
unshare -rn cmake --build "$build" --target llama-server -j"$(nproc)" >"$cache_root/build.log" 2>&1 \
  || { tail -20 "$cache_root/build.log" >&2; echo "llama-server: build failed (log: $cache_root/build.log)" >&2; exit 1; }
mkdir -p "$out.tmp/bin" "$out.tmp/models"
cp "$build/bin/llama-server" "$out.tmp/bin/"
cp "$work/llama.cpp/models/ggml-vocab-qwen2.gguf" "$out.tmp/models/"
cp -r "$work/llama.cpp/models/templates" "$out.tmp/models/"
cp -r "$work/llama.cpp/gguf-py" "$out.tmp/"
rm -rf "$out" && mv "$out.tmp" "$out"
model
echo "$out"
