/* The peer of tools/fuzz_bench.sh: what net-snmp's own libFuzzer target for
 * its message parser (testing/fuzzing/snmp_parse_fuzzer.c in net-snmp's
 * tree, not in Debian's 5.9.3 source) does with each input, written here for
 * the benchmark: the SNMPv3 parse (snmpv3_parse) and the generic one
 * (snmp_parse), each into a fresh PDU that is then freed. The dummy security
 * model accepts whatever security parameters it is handed, as the original
 * does, so v3 messages with a model number net-snmp does not know reach the
 * scoped-PDU parser too.
 *
 * Built by tools/fuzz_bench.sh against a libnetsnmp.a compiled with the same
 * compiler and flags as snmpdissect's fuzz preset. */
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static int AcceptAnything(struct snmp_secmod_incoming_params* params) {
  (void)params;
  return SNMPERR_SUCCESS;
}

int LLVMFuzzerInitialize(int* argc, char*** argv) {
  (void)argc;
  (void)argv;
  struct snmp_secmod_def* model = SNMP_MALLOC_STRUCT(snmp_secmod_def);
  model->decode = AcceptAnything;
  register_sec_mod(-1, "benchmark", model);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  netsnmp_session session;
  size_t left = size;

  netsnmp_pdu* pdu = SNMP_MALLOC_TYPEDEF(netsnmp_pdu);
  memset(&session, 0, sizeof session);
  snmpv3_parse(pdu, (u_char*)data, &left, NULL, &session);
  snmp_free_pdu(pdu);

  pdu = SNMP_MALLOC_TYPEDEF(netsnmp_pdu);
  memset(&session, 0, sizeof session);
  snmp_parse(NULL, &session, pdu, (u_char*)data, size);
  snmp_free_pdu(pdu);
  return 0;
}
