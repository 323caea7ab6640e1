#!/usr/bin/env bash
# Rebuilds the fuzz seed corpora corpus/<target>/ (fuzz/README.md):
#
#   tools/lib/make_seeds.sh [TARGET...]     (all targets by default;
#                                            also: tools/fuzz.sh seeds)
#
# 1. fuzz/make_seeds.cc writes candidates: every SNMP message, frame and
#    run of 12 frames of the captures in corpus/pcap (as messages, frames,
#    pcap/pcapng files and pipeline sequences), the sample messages, the
#    snmp_users tables, and handcrafted edge cases (every value type,
#    Opaque specials, traps, Reports, framing errors, every link type,
#    fragments, TCP segments, authPriv messages for every user of the fuzz
#    user set, snmp_users records and --user lines good and bad);
#    agentx_write_seeds (codec/agentx/testing) writes the AgentX streams:
#    every PDU of corpus/pcap/agentx.pcap alone and in runs of 8, and
#    hand-built PDUs. Targets with neither (filters, -z specs, MIB text)
#    keep their hand-made seeds and are only re-minimised.
# 2. libFuzzer's -merge=1 keeps, from the existing corpus plus the
#    candidates, a minimal set with the same coverage, named by SHA-1.
#    So the corpora stay small (real traffic repeats itself) and rerunning
#    the script never loses what campaigns added.
#
# Builds the fuzz preset (SNMPDISSECT_FUZZ_BUILD, default build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/lib/deps.sh
source tools/lib/fuzz_common.sh

targets=("$@")
[ "${#targets[@]}" -gt 0 ] || mapfile -t targets < <(fuzz_targets)
for t in "${targets[@]}"; do
  is_fuzz_target "$t" || { echo "make_seeds.sh: unknown TARGET '$t'" >&2; exit 2; }
done

ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
fuzz_build "${targets[@]}"
if [ "${SNMPDISSECT_FUZZ_NO_BUILD:-0}" != 1 ]; then
  cmake --build "$FUZZ_BUILD" --target fuzz_make_seeds agentx_write_seeds >"$FUZZ_BUILD.log" 2>&1 ||
    { cat "$FUZZ_BUILD.log" >&2; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/seeds.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$FUZZ_BUILD/bin/fuzz_make_seeds" . "$work/candidates" >/dev/null
# AgentX streams have their own writer (codec/agentx/testing/write_seeds.cc):
# every PDU of corpus/pcap/agentx.pcap plus hand-built and hostile PDUs.
"$FUZZ_BUILD/bin/agentx_write_seeds" "$work/candidates/agentx" corpus/pcap/agentx.pcap >/dev/null

for t in "${targets[@]}"; do
  # A target with no writer (its seeds are hand-made files) gets an empty
  # candidate set: the merge then only re-minimises its corpus.
  mkdir -p "corpus/$t" "$work/merged/$t" "$work/candidates/$t"
  # Merge old corpus + candidates into an empty directory: the result is
  # the smallest set with all their coverage (libFuzzer prefers smaller
  # inputs for the same features).
  # An input that crashes the current build is left out of the merge (and
  # its artifact kept out of the checkout): replay corpus/regressions/ and
  # fix it; it belongs there, not among the seeds.
  "$(fuzz_binary "$t")" -merge=1 -max_len="$(fuzz_option "$t" max_len 4096)" \
    -artifact_prefix="$work/" \
    -timeout="$(fuzz_option "$t" timeout 10)" -rss_limit_mb="$(fuzz_option "$t" rss_limit_mb 2560)" \
    "$work/merged/$t" "corpus/$t" "$work/candidates/$t" >"$work/$t.log" 2>&1 ||
    { cat "$work/$t.log" >&2; exit 1; }
  rm -rf "corpus/$t"
  mv "$work/merged/$t" "corpus/$t"
  printf '%-14s %5d inputs %6s\n' "$t" "$(ls "corpus/$t" | wc -l)" "$(du -sh "corpus/$t" | cut -f1)"
done
