#include "ledger/LedgerStats.hpp"

#include <string>

namespace ledger {

LedgerStats::LedgerStats() {
   _registry = std::make_shared<prometheus::Registry>();
   auto counter = [this](const std::string& name, const std::string& help) -> prometheus::Family<prometheus::Counter>& {
      return prometheus::BuildCounter().Name(name).Help(help).Register(*_registry);
   };
   _posted = &counter("ledger_entries_posted_total", "Entries posted").Add({});
   _rejected = &counter("ledger_entries_rejected_total", "Entries rejected").Add({{"reason", "unbalanced"}});
}

}  // namespace ledger
