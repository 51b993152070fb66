//===--- Gateway.h - Admits or rejects requests -----------------*- C++ -*-===//

#ifndef GW_GATEWAY_H
#define GW_GATEWAY_H

#include "gw/Stats.h"

#include <cstddef>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace gw {

extern prometheus::Histogram &GW_PAYLOAD_BYTES;

extern prometheus::Family<prometheus::Counter> &GW_REQUESTS_TOTAL;

/// Admits a request when its payload fits.
class Gateway {
public:
  Gateway() {}

  Stats::Outcome handle(std::size_t PayloadSize);
};

} // namespace gw

#endif // GW_GATEWAY_H
