#include "dissector/proto/protocols.h"

#include <cstdio>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "dissector/proto/protocol.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/udp_fields.h"
#include "dissector/tree/experts.h"
#include "dissector/tree/field_table.h"
#include "dissector/tree/fields.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using tree::ExpertInfo;
using tree::FieldId;
using tree::FieldInfo;
using tree::FieldType;
using tree::ValueName;
using tree::AllExperts;
using tree::AllFields;
using tree::FindField;
using tree::GetField;
using tree::ValueNameOf;

TEST(FieldsTest, AbbreviationsAreUniqueAndNamed) {
  absl::flat_hash_set<std::string> seen;
  for (const FieldInfo& f : AllFields()) {
    if (f.id == tree::kRootField) continue;
    EXPECT_NE(std::string(f.abbrev), "") << static_cast<int>(f.id);
    EXPECT_NE(std::string(f.name), "") << f.abbrev;
    EXPECT_TRUE(seen.insert(f.abbrev).second) << "duplicate " << f.abbrev;
  }
  for (const ExpertInfo& e : AllExperts()) {
    EXPECT_TRUE(seen.insert(e.abbrev).second) << "duplicate " << e.abbrev;
  }
}

TEST(FieldsTest, BitFieldsAndNamesAreConsistent) {
  for (const FieldInfo& f : AllFields()) {
    if (f.bitmask != 0) {
      EXPECT_GT(f.bit_width, 0) << f.abbrev;
      EXPECT_LE(f.bit_width, 64) << f.abbrev;
      if (f.bit_width < 64) {
        EXPECT_EQ(f.bitmask >> f.bit_width, 0u) << f.abbrev;
      }
    }
    if (!f.value_names.empty()) {
      EXPECT_TRUE(f.type == FieldType::kInt || f.type == FieldType::kUint) << f.abbrev;
    }
    for (const ValueName& n : f.value_names) EXPECT_LE(n.min, n.max) << f.abbrev;
  }
}

TEST(FieldsTest, EveryRowKnowsItsProtocol) {
  for (const FieldInfo& f : AllFields()) {
    if (f.id == tree::kRootField) continue;
    const FieldInfo& parent = GetField(f.parent);
    EXPECT_EQ(parent.type, FieldType::kProtocol) << f.abbrev;
    EXPECT_EQ(GetField(f.id).abbrev, f.abbrev);
    if (f.id != f.parent) {
      EXPECT_EQ(std::string(f.abbrev).rfind(std::string(parent.abbrev) + ".", 0), 0u) << f.abbrev;
    }
  }
  for (const ExpertInfo& e : AllExperts()) {
    EXPECT_EQ(GetField(e.parent).type, FieldType::kProtocol) << e.abbrev;
  }
  EXPECT_EQ(GetField(Udp::hf[Udp::kSrcport]).parent, Udp::hf[Udp::kUdp]);
  EXPECT_STREQ(GetField(Udp::hf[Udp::kUdp]).short_name, "UDP");
}

// The start-up check refuses tables a protocol got wrong.
constexpr FieldInfo kGoodRows[] = {
    {.local = 0, .abbrev = "xp", .name = "Example Protocol", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xp.a", .name = "A", .type = FieldType::kUint,
     .description = "d"},
};
constexpr FieldInfo kDuplicateRows[] = {
    {.local = 0, .abbrev = "xq", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xq.a", .name = "A", .type = FieldType::kUint,
     .description = "d"},
    {.local = 2, .abbrev = "xq.a", .name = "A again", .type = FieldType::kUint,
     .description = "d"},
};
constexpr FieldInfo kForeignRows[] = {
    {.local = 0, .abbrev = "xr", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xp.b", .name = "B", .type = FieldType::kUint,
     .description = "d"},
};
constexpr FieldInfo kOutOfOrderRows[] = {
    {.local = 0, .abbrev = "xs", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 2, .abbrev = "xs.b", .name = "B", .type = FieldType::kUint,
     .description = "d"},
};
constexpr FieldInfo kNoProtocolRows[] = {
    {.local = 0, .abbrev = "xt", .name = "Not a protocol", .type = FieldType::kUint,
     .description = "d"},
};
constexpr FieldInfo kUndescribedRows[] = {
    {.local = 0, .abbrev = "xu", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xu.a", .name = "A", .type = FieldType::kUint},
};
bool TestSummary(const tree::Tree&, uint32_t, std::string*) { return false; }
// A top line (fields.h SummaryBuilder) on a field rather than its protocol.
constexpr FieldInfo kFieldSummaryRows[] = {
    {.local = 0, .abbrev = "xv", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xv.a", .name = "A", .type = FieldType::kUint,
     .description = "d", .summary = &TestSummary},
};
// "74 bytes (592 bits)" on a field that is not an unsigned count.
constexpr FieldInfo kOctetCountRows[] = {
    {.local = 0, .abbrev = "xw", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xw.a", .name = "A", .type = FieldType::kString,
     .display = tree::Display::kOctetCount, .description = "d"},
};
// A width only on integers, and only Wireshark's (8, 16, 24, 32, 64).
constexpr FieldInfo kStringWidthRows[] = {
    {.local = 0, .abbrev = "xy", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xy.a", .name = "A", .type = FieldType::kString,
     .description = "d", .width = 16},
};
constexpr FieldInfo kOddWidthRows[] = {
    {.local = 0, .abbrev = "xz", .name = "Other", .type = FieldType::kProtocol,
     .description = "d"},
    {.local = 1, .abbrev = "xz.a", .name = "A", .type = FieldType::kUint,
     .description = "d", .width = 12},
};
tree::FieldBlock test_hf;
tree::ExpertBlock test_ei;

TEST(FieldTableTest, ChecksRowsAtStartUp) {
  using tree::FieldTableBuilder;
  using tree::ProtocolRows;
  const ProtocolRows good = {kGoodRows, {}, &test_hf, &test_ei};
  const ProtocolRows* ok[] = {&good};
  EXPECT_TRUE(FieldTableBuilder::Check(ok).ok());
  const ProtocolRows* twice[] = {&good, &good};
  EXPECT_FALSE(FieldTableBuilder::Check(twice).ok());
  for (absl::Span<const FieldInfo> rows :
       {absl::Span<const FieldInfo>(kDuplicateRows), absl::Span<const FieldInfo>(kForeignRows),
        absl::Span<const FieldInfo>(kOutOfOrderRows),
        absl::Span<const FieldInfo>(kNoProtocolRows),
        absl::Span<const FieldInfo>(kUndescribedRows),
        absl::Span<const FieldInfo>(kFieldSummaryRows),
        absl::Span<const FieldInfo>(kOctetCountRows),
        absl::Span<const FieldInfo>(kStringWidthRows), absl::Span<const FieldInfo>(kOddWidthRows)}) {
    const ProtocolRows bad = {rows, {}, &test_hf, &test_ei};
    const ProtocolRows* list[] = {&good, &bad};
    EXPECT_FALSE(FieldTableBuilder::Check(list).ok()) << rows[0].abbrev;
  }
  // The real table was installed once, before main; a second install fails.
  EXPECT_FALSE(FieldTableBuilder::Install(ok).ok());
}

TEST(FieldsTest, LookupByNameAndValue) {
  const FieldInfo* f = FindField("snmp.error_status");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->id, proto::Snmp::hf[proto::Snmp::kErrorStatus]);
  EXPECT_STREQ(ValueNameOf(*f, 0), "noError");
  EXPECT_STREQ(ValueNameOf(*f, 18), "inconsistentName");
  EXPECT_STREQ(ValueNameOf(*f, 19), "Unknown");
  EXPECT_EQ(FindField("snmp.nonexistent"), nullptr);
  EXPECT_EQ(FindField(""), nullptr);  // the root has no name to find
  const FieldInfo& format = GetField(proto::Snmp::hf[proto::Snmp::kEngineIdFormat]);
  EXPECT_STREQ(ValueNameOf(format, 200), "Enterprise-specific");
  EXPECT_EQ(ValueNameOf(GetField(proto::Snmp::hf[proto::Snmp::kEngineIdEnterprise]), 424242), nullptr);
}

// Every field and expert that claims to be Wireshark's must be in
// `tshark -G fields` (protocol rows "P", field rows "F"). tools/test.sh
// installs tshark, so a missing one fails rather than hiding the check.
TEST(FieldsTest, WiresharkNamesExistInTshark) {
  ASSERT_EQ(std::system("command -v tshark >/dev/null 2>&1"), 0)
      << "tshark not installed (tools/test.sh installs it)";
  FILE* pipe = popen("tshark -G fields 2>/dev/null", "r");
  ASSERT_NE(pipe, nullptr);
  absl::flat_hash_set<std::string> names;
  std::string line;
  char buffer[4096];
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    line.pop_back();
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() >= 3 && (cols[0] == "F" || cols[0] == "P")) names.insert(cols[2]);
    line.clear();
  }
  pclose(pipe);
  ASSERT_FALSE(names.empty()) << "tshark -G fields printed nothing";
  for (const FieldInfo& f : AllFields()) {
    if (f.in_wireshark) {
      EXPECT_TRUE(names.contains(f.abbrev)) << f.abbrev;
    }
  }
  for (const ExpertInfo& e : AllExperts()) {
    if (e.in_wireshark) {
      EXPECT_TRUE(names.contains(e.abbrev)) << e.abbrev;
    }
  }
}

// One slot per scratch type, made once and then the same object; two
// pipelines' slots are apart.
struct FirstScratch : LayerScratch {
  std::string text;
};
struct SecondScratch : LayerScratch {
  int n = 0;
};
TEST(ScratchSlotsTest, OneObjectPerTypeAndPipeline) {
  ScratchSlots a, b;
  FirstScratch& first = a.Get<FirstScratch>();
  first.text = "kept";
  SecondScratch& second = a.Get<SecondScratch>();
  second.n = 7;
  EXPECT_EQ(&a.Get<FirstScratch>(), &first);
  EXPECT_EQ(a.Get<FirstScratch>().text, "kept");
  EXPECT_EQ(&a.Get<SecondScratch>(), &second);
  EXPECT_EQ(a.Get<SecondScratch>().n, 7);
  EXPECT_NE(static_cast<void*>(&first), static_cast<void*>(&second));
  EXPECT_NE(&b.Get<FirstScratch>(), &first);
  EXPECT_EQ(b.Get<FirstScratch>().text, "");
}

}  // namespace
}  // namespace snmpdissect::proto
