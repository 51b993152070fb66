#include "ledger/Ledger.hpp"

namespace ledger {

bool Ledger::post(const Entry& entry) {
   if (entry.debit != entry.credit) {
      _stats.entryRejected();
      return false;
   }
   _entries.push_back(entry);
   _stats.entryPosted();
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
