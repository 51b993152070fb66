#ifndef LEDGER_LEDGER_HPP_
#define LEDGER_LEDGER_HPP_

#include <vector>

#include "ledger/LedgerStats.hpp"

namespace ledger {

struct Entry {
   long debit = 0;
   long credit = 0;
};

class Ledger {
public:
   explicit Ledger(LedgerStats& stats) : _stats(stats) {}

   bool post(const Entry& entry);
   long balance() const;

private:
   LedgerStats& _stats;
   std::vector<Entry> _entries;
};

}  // namespace ledger

#endif  // LEDGER_LEDGER_HPP_
