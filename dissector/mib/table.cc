#include "dissector/mib/table.h"

#include <charconv>
#include <utility>

namespace snmpdissect::mib {

Table::Table() { nodes_.push_back(Node{}); }

std::string_view Table::AddSource(std::string text) {
  sources_.push_back(std::make_unique<std::string>(std::move(text)));
  return *sources_.back();
}

uint32_t Table::Add(absl::Span<const uint32_t> arcs, const Object& object,
                    absl::Span<const NamedNumber> enums,
                    absl::Span<const std::string_view> index_oids,
                    absl::Span<const uint8_t> implied) {
  uint32_t node = 0;
  for (const uint32_t arc : arcs) {
    const auto [it, inserted] =
        children_.try_emplace(Key(node, arc), static_cast<uint32_t>(nodes_.size()));
    if (inserted) {
      nodes_.push_back(Node{.parent = node, .arc = arc, .depth = nodes_[node].depth + 1});
    }
    node = it->second;
  }
  Object row = object;
  row.node = node;
  row.first_enum = static_cast<uint32_t>(enums_.size());
  row.enum_count = static_cast<uint32_t>(enums.size());
  enums_.insert(enums_.end(), enums.begin(), enums.end());
  row.first_index = static_cast<uint32_t>(index_.size());
  row.index_count = static_cast<uint32_t>(index_oids.size());
  for (size_t i = 0; i < index_oids.size(); ++i) {
    index_.push_back(IndexPart{.object = kNoObject, .implied = i < implied.size() && implied[i] != 0});
    index_text_.push_back(index_oids[i]);
  }
  // A replaced row's enums and index parts stay unreferenced in the vectors:
  // replacement happens at load time only, a bounded number of times.
  uint32_t& id = nodes_[node].object;
  if (id == kNoObject) {
    id = static_cast<uint32_t>(objects_.size());
    objects_.push_back(row);
  } else {
    objects_[id] = row;
  }
  return id;
}

void Table::Finish() {
  for (size_t i = 0; i < index_text_.size(); ++i) {
    const std::string_view text = index_text_[i];
    uint32_t node = 0;
    bool ok = !text.empty();
    size_t at = 0;
    while (ok && at <= text.size()) {
      uint32_t arc = 0;
      const auto [end, ec] = std::from_chars(text.data() + at, text.data() + text.size(), arc);
      if (ec != std::errc()) {
        ok = false;
        break;
      }
      node = Child(node, arc);
      if (node == 0) {
        ok = false;
        break;
      }
      at = static_cast<size_t>(end - text.data());
      if (at == text.size()) break;
      if (text[at] != '.') ok = false;
      ++at;
    }
    index_[i].object = ok ? nodes_[node].object : kNoObject;
  }
}

uint32_t Table::EntryOf(uint32_t column) const {
  const uint32_t parent = nodes_[objects_[column].node].parent;
  const uint32_t entry = nodes_[parent].object;
  if (entry == kNoObject || objects_[entry].kind != Kind::kEntry) return kNoObject;
  return entry;
}

size_t Table::Arcs(uint32_t id, uint32_t* arcs, size_t capacity) const {
  const uint32_t depth = Depth(id);
  for (uint32_t node = objects_[id].node; node != 0; node = nodes_[node].parent) {
    const uint32_t at = nodes_[node].depth - 1;
    if (at < capacity) arcs[at] = nodes_[node].arc;
  }
  return depth;
}

const NamedNumber* Table::FindEnum(const Object& o, int64_t value) const {
  for (const NamedNumber& n : enums(o)) {
    if (n.value == value) return &n;
  }
  return nullptr;
}

}  // namespace snmpdissect::mib
