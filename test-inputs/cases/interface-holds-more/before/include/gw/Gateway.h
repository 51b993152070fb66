//===--- Gateway.h - Admits or rejects requests -----------------*- C++ -*-===//

#ifndef GW_GATEWAY_H
#define GW_GATEWAY_H

#include "gw/Stats.h"

#include <cstddef>

namespace gw {

/// Admits a request when its payload fits.
class Gateway {
public:
  explicit Gateway(Stats &S) : S(S) {}

  Stats::Outcome handle(std::size_t PayloadSize);

private:
  Stats &S;
};

} // namespace gw

#endif // GW_GATEWAY_H
