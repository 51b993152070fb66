//===--- Gateway.cpp - Admits or rejects requests -------------------------===//

#include "gw/Gateway.h"
#include "gw/ProcessRegistry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>

namespace gw {

prometheus::Histogram &GW_PAYLOAD_BYTES =
    prometheus::BuildHistogram()
        .Name("gw_payload_bytes")
        .Help("Payload sizes")
        .Register(gw::processRegistry())
        .Add({}, prometheus::Histogram::BucketBoundaries{512, 1024, 4096});

prometheus::Family<prometheus::Counter> &GW_REQUESTS_TOTAL =
    prometheus::BuildCounter()
        .Name("gw_requests_total")
        .Help("Requests handled, by result")
        .Register(gw::processRegistry());

} // namespace gw

using namespace gw;

Stats::Outcome Gateway::handle(std::size_t PayloadSize) {
  GW_PAYLOAD_BYTES.Observe(static_cast<double>(PayloadSize));
  Stats::Outcome O = PayloadSize > Stats::MaxPayload ? Stats::Outcome::Rejected
                                                     : Stats::Outcome::Accepted;
  GW_REQUESTS_TOTAL.Add({{"result", Stats::outcomeName(O)}}).Increment();
  return O;
}
