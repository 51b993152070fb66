#include "ledger/Ledger.hpp"
#include "ledger/ProcessRegistry.hpp"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace ledger {

prometheus::Counter& LEDGER_ENTRIES_POSTED_TOTAL =
    prometheus::BuildCounter()
        .Name("ledger_entries_posted_total")
        .Help("Entries posted")
        .Register(ledger::processRegistry())
        .Add({});

prometheus::Counter& LEDGER_ENTRIES_REJECTED_TOTAL =
    prometheus::BuildCounter()
        .Name("ledger_entries_rejected_total")
        .Help("Entries rejected")
        .Register(ledger::processRegistry())
        .Add({{"reason", "unbalanced"}});

bool Ledger::post(const Entry& entry) {
   if (entry.debit != entry.credit) {
      LEDGER_ENTRIES_REJECTED_TOTAL.Increment();
      return false;
   }
   _entries.push_back(entry);
   LEDGER_ENTRIES_POSTED_TOTAL.Increment();
   return true;
}

long Ledger::balance() const {
   long total = 0;
   for (const Entry& e : _entries) {
      total += e.debit - e.credit;
   }
   return total;
}

}  // namespace ledger
