# Sourced by tools/*.sh: installs the Debian packages a script needs.
#
#   source "$(dirname "$0")/lib/deps.sh"
#   ensure_packages cmake g++ libpcap-dev
#
# As root it runs apt-get; otherwise sudo apt-get when sudo works without a
# password prompt; otherwise it prints the apt-get line and exits 1.

# Packages every build needs (compiler, CMake, the libraries CMake finds).
# The rule that keeps both README orders working (tools/run.sh configures
# build/ before tools/test.sh installs more): whatever CMake looks up when it
# configures is in this list; programs only tests run (tshark, Debian's
# python3) are looked up when the test runs (tools/lib/require_tools.sh).
# libsnmp-dev: net-snmp's parser, the oracle of the differential fuzz target
# (fuzz/CMakeLists.txt looks it up; without it that one target is skipped).
# libwireshark-dev: the epan plugin (dissector/wireshark), found by pkg-config.
# libsmi2-dev: user MIBs (--mib-dir, --mib: dissector/mib/smi_loader.h),
# required (pkg-config libsmi).
BUILD_PACKAGES=(cmake make g++ pkg-config libabsl-dev libgtest-dev libgmock-dev
                libbenchmark-dev libpcap-dev libssl-dev libpcre2-dev libsnmp-dev
                libwireshark-dev libsmi2-dev)

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      printf '%s\n' "$pkg"
  done
}

ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  local install=(apt-get install -y --no-install-recommends "${missing[@]}")
  echo "$(basename "$0"): installing ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive "${install[@]}" -qq >&2
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      sudo DEBIAN_FRONTEND=noninteractive "${install[@]}" -qq >&2
  else
    echo "$(basename "$0"): missing packages; run as root: ${install[*]}" >&2
    exit 1
  fi
}

# build_preset NAME: configures (once) and builds a CMake preset; the build
# log goes to stderr only when something fails.
build_preset() {
  local preset=$1 dir
  dir=$(preset_dir "$preset")
  local log="$dir.log"
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake --preset "$preset" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  fi
  cmake --build --preset "$preset" -j "$(nproc)" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}

preset_dir() {
  case "$1" in
    release) echo build ;;
    *) echo "build-$1" ;;
  esac
}
