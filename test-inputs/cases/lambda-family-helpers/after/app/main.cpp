#include <prometheus/text_serializer.h>

#include <string>

#include "ledger/Ledger.hpp"
#include "ledger/LedgerStats.hpp"

int main() {
   ledger::LedgerStats stats;
   ledger::Ledger book;
   if (!book.post({5, 5}) || book.post({5, 4}) || book.balance() != 0) {
      return 1;
   }
   const std::string text = prometheus::TextSerializer().Serialize(stats.registry()->Collect());
   for (const char* line : {"ledger_entries_posted_total 1",
                            "ledger_entries_rejected_total{reason=\"unbalanced\"} 1"}) {
      if (text.find(line) == std::string::npos) {
         return 2;
      }
   }
   return 0;
}
