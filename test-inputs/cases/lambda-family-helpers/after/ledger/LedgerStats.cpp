#include "ledger/LedgerStats.hpp"
#include "ledger/ProcessRegistry.hpp"

#include <string>

namespace ledger {

LedgerStats::LedgerStats() {
   _registry = ledger::processRegistryPtr();
}

}  // namespace ledger
