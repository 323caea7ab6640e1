#!/bin/bash
# ClusterFuzzLite / OSS-Fuzz build script (fuzz/README.md): builds every
# fuzz target with the environment's compilers and flags and leaves in
# $OUT, for each target T:
#   T_fuzzer                  the binary (linked with $LIB_FUZZING_ENGINE)
#   T_fuzzer_seed_corpus.zip  corpus/T/ plus corpus/regressions/
#   T_fuzzer.dict             fuzz/T.dict
#   T_fuzzer.options          fuzz/T.options (max_len, timeout, rss_limit_mb)
#   lib/                      shared libraries the binaries need that the
#                             runner image lacks (found through $ORIGIN/lib)
#
# Honours $CC $CXX $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE $OUT (and $WORK
# for build files, $SRC for dependency sources). Runs in the repository
# root or from .clusterfuzzlite/. Locally, for example:
#   CC=clang-14 CXX=clang++-14 CFLAGS='-fsanitize=address,fuzzer-no-link' \
#   CXXFLAGS='-fsanitize=address,fuzzer-no-link' \
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/out WORK=/tmp/work \
#   .clusterfuzzlite/build.sh
set -euo pipefail

: "${CXX:?set CXX (the C++ compiler)}" "${OUT:?set OUT (where the fuzzers go)}"
: "${LIB_FUZZING_ENGINE:?set LIB_FUZZING_ENGINE (e.g. -fsanitize=fuzzer)}"
CC=${CC:-cc}
CFLAGS=${CFLAGS:-}
CXXFLAGS=${CXXFLAGS:-}
WORK=${WORK:-$(mktemp -d)}
if [ -f CMakeLists.txt ] && [ -d fuzz ]; then
  root=$PWD
else
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fi
mkdir -p "$OUT" "$WORK"

# Dependencies from source when the image provides them ($SRC/abseil-cpp,
# $SRC/googletest: see Dockerfile), built with the same compiler and flags
# so the C++ standard library and sanitizers match. Elsewhere (a developer
# machine) the system's packages are used.
prefix_path=""
if [ -n "${SRC:-}" ] && [ -d "$SRC/abseil-cpp" ]; then
  deps="$WORK/deps"
  for dep in abseil-cpp googletest; do
    cmake -S "$SRC/$dep" -B "$WORK/build-$dep" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
      -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" -DCMAKE_CXX_STANDARD=20 \
      -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF \
      -DABSL_PROPAGATE_CXX_STD=ON -DCMAKE_INSTALL_PREFIX="$deps" >/dev/null
    cmake --build "$WORK/build-$dep" -j "$(nproc)" --target install >/dev/null
  done
  prefix_path="$deps"
fi
openssl_args=()
if [ -d /usr/local/openssl3 ]; then
  openssl_args=(-DOPENSSL_ROOT_DIR=/usr/local/openssl3 -DOPENSSL_USE_STATIC_LIBS=TRUE)
fi

# No CMAKE_BUILD_TYPE: $CFLAGS/$CXXFLAGS alone decide optimisation and
# sanitizers. SNMPDISSECT_FUZZ links the engine; sanitizers come from the
# environment's flags, not SNMPDISSECT_SANITIZERS.
cmake -S "$root" -B "$WORK/build" \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DCMAKE_EXE_LINKER_FLAGS="-Wl,-rpath,'\$ORIGIN/lib'" \
  -DCMAKE_PREFIX_PATH="$prefix_path" "${openssl_args[@]}" \
  -DSNMPDISSECT_FUZZ=ON -DSNMPDISSECT_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" \
  -DSNMPDISSECT_BENCHMARKS=OFF -DSNMPDISSECT_SANITIZERS= >/dev/null
cmake --build "$WORK/build" -j "$(nproc)" --target fuzzers

mkdir -p "$OUT/lib"
for source in "$root"/fuzz/*_fuzzer.cc; do
  name=$(basename "$source" .cc)   # T_fuzzer
  target=${name%_fuzzer}
  # A target whose library CMake did not find (differential: libsnmp-dev)
  # is not built; the others still ship.
  [ -f "$WORK/build/bin/$name" ] || { echo "build.sh: $name not built, skipped" >&2; continue; }
  cp "$WORK/build/bin/$name" "$OUT/"
  cp "$root/fuzz/$target.dict" "$OUT/$name.dict"
  cp "$root/fuzz/$target.options" "$OUT/$name.options"
  rm -f "$OUT/${name}_seed_corpus.zip"
  (cd "$root/corpus" && find "$target" regressions -maxdepth 1 -type f -print0 |
     xargs -0 -r zip -q -j "$OUT/${name}_seed_corpus.zip")
  # Shared libraries the runner image may lack (Abseil, libcrypto,
  # libpcap and theirs); the C runtime is always there.
  # (ldd finds those already copied through the rpath: skip them.)
  ldd "$OUT/$name" | awk -v lib="$OUT/lib/" '$3 ~ /^\// && index($3, lib) != 1 { print $3 }' |
    awk '!/\/(libc|libm|libpthread|libdl|librt|ld-linux[^\/]*|libgcc_s|libstdc\+\+)\.so/' |
    xargs -r cp -t "$OUT/lib"
done
echo "build.sh: $(ls "$OUT"/*_fuzzer | wc -l) fuzzers in $OUT"
