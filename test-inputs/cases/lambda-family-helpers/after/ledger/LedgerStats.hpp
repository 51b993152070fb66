#ifndef LEDGER_LEDGERSTATS_HPP_
#define LEDGER_LEDGERSTATS_HPP_

#include <memory>

#include <prometheus/registry.h>

namespace ledger {

class LedgerStats {
public:
   LedgerStats();

   std::shared_ptr<prometheus::Registry> registry() const { return _registry; }

private:
   std::shared_ptr<prometheus::Registry> _registry;
};

}  // namespace ledger

#endif  // LEDGER_LEDGERSTATS_HPP_
