#include "door/gate.h"

namespace gate {

bool Gate::badge(bool valid, bool curfew) {
  if (!valid || curfew) {
    metrics_.refusal(valid ? Reason::Curfew : Reason::BadBadge);
    metrics_.outcome(Outcome::Refused);
    return false;
  }
  metrics_.outcome(Outcome::Opened);
  metrics_.passage(Side::In);
  return true;
}

} // namespace gate
