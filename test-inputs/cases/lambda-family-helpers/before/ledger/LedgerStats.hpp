#ifndef LEDGER_LEDGERSTATS_HPP_
#define LEDGER_LEDGERSTATS_HPP_

#include <memory>

#include <prometheus/counter.h>
#include <prometheus/registry.h>

namespace ledger {

class LedgerStats {
public:
   LedgerStats();

   void entryPosted() { _posted->Increment(); }
   void entryRejected() { _rejected->Increment(); }

   std::shared_ptr<prometheus::Registry> registry() const { return _registry; }

private:
   std::shared_ptr<prometheus::Registry> _registry;
   prometheus::Counter* _posted = nullptr;
   prometheus::Counter* _rejected = nullptr;
};

}  // namespace ledger

#endif  // LEDGER_LEDGERSTATS_HPP_
