#ifndef LEDGER_LEDGER_HPP_
#define LEDGER_LEDGER_HPP_

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <vector>

namespace ledger {

extern prometheus::Counter& LEDGER_ENTRIES_POSTED_TOTAL;

extern prometheus::Counter& LEDGER_ENTRIES_REJECTED_TOTAL;

struct Entry {
   long debit = 0;
   long credit = 0;
};

class Ledger {
public:
   Ledger() {}

   bool post(const Entry& entry);
   long balance() const;

private:
   std::vector<Entry> _entries;
};

}  // namespace ledger

#endif  // LEDGER_LEDGER_HPP_
