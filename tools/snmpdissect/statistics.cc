#include "tools/snmpdissect/statistics.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace snmpdissect::cli {

std::unique_ptr<Statistics> Statistics::Create(absl::Span<const stats::StatSpec> specs,
                                               std::string* error) {
  std::unique_ptr<Statistics> out(new Statistics());
  // nullptr for an empty filter (every frame); false after a bad one.
  auto compile = [&](const std::string& text, const filter::DisplayFilter** compiled) {
    *compiled = nullptr;
    if (text.empty()) return true;
    filter::FilterError e;
    std::unique_ptr<filter::DisplayFilter> f = filter::DisplayFilter::Compile(text, &e);
    if (f == nullptr) {
      *error = filter::FormatError("snmpdissect: -z: ", text, e);
      return false;
    }
    *compiled = f.get();
    out->filters_.push_back(std::move(f));
    return true;
  };
  for (const stats::StatSpec& spec : specs) {
    Entry entry;
    if (spec.kind == stats::StatSpec::Kind::kSnmpSrt) {
      const filter::DisplayFilter* f = nullptr;
      if (!compile(spec.filters.empty() ? std::string() : spec.filters[0], &f)) return nullptr;
      entry.srt = std::make_unique<stats::SnmpSrt>(f);
    } else if (spec.kind == stats::StatSpec::Kind::kSnmpAgents) {
      const std::string text = spec.filters.empty() ? std::string() : spec.filters[0];
      const filter::DisplayFilter* f = nullptr;
      if (!compile(text, &f)) return nullptr;
      entry.agents = std::make_unique<stats::SnmpAgents>(f, text);
    } else {
      std::vector<stats::IoStat::Column> columns;
      for (const std::string& text : spec.filters) {
        const filter::DisplayFilter* f = nullptr;
        if (!compile(text, &f)) return nullptr;
        columns.push_back({text, f});
      }
      entry.io = std::make_unique<stats::IoStat>(spec.interval_ns, std::move(columns));
    }
    out->entries_.push_back(std::move(entry));
  }
  return out;
}

void Statistics::AddFrame(const pipeline::FrameInput& input, const tree::Tree& tree,
                          const pipeline::FrameResult& result) {
  const uint64_t length =
      input.original_length != 0 ? input.original_length : input.data.size();
  for (Entry& e : entries_) {
    if (e.srt != nullptr) e.srt->AddFrame(tree, result, input.number);
    if (e.io != nullptr) e.io->AddFrame(tree, input.timestamp_ns, length);
    if (e.agents != nullptr) e.agents->AddFrame(input, tree, result);
  }
}

void Statistics::AppendJson(std::string* out) const {
  out->append("{\"statistics\":[");
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (i != 0) out->push_back(',');
    if (entries_[i].srt != nullptr) entries_[i].srt->AppendJson(out);
    if (entries_[i].io != nullptr) entries_[i].io->AppendJson(out);
    if (entries_[i].agents != nullptr) entries_[i].agents->AppendJson(out);
  }
  out->append("]}\n");
}

void Statistics::AppendText(std::string* out) const {
  // Last -z first, as tshark prints them (its tap listeners are a stack).
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    const Entry& e = *it;
    if (e.srt != nullptr) e.srt->AppendText(out);
    if (e.io != nullptr) e.io->AppendText(out);
    if (e.agents != nullptr) e.agents->AppendText(out);
  }
}

}  // namespace snmpdissect::cli
