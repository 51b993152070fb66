#pragma once

#include <prometheus/counter.h>
#include <prometheus/registry.h>

namespace shop {

// Counts audited quantity changes on its own counter.
class AuditLog {
 public:
  explicit AuditLog(prometheus::Registry& registry);

  void Note(int delta);

 private:
  prometheus::Counter& changes_;
};

}  // namespace shop
