#include "services/audit_log.h"

namespace shop {

AuditLog::AuditLog(prometheus::Registry& registry)
    : changes_(prometheus::BuildCounter()
                   .Name("inventory_quantity_changes_total")
                   .Help("Audited quantity changes")
                   .Register(registry)
                   .Add({})) {}

void AuditLog::Note(int delta) { changes_.Increment(delta); }

}  // namespace shop
