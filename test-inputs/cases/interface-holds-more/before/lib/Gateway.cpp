//===--- Gateway.cpp - Admits or rejects requests -------------------------===//

#include "gw/Gateway.h"

using namespace gw;

Stats::Outcome Gateway::handle(std::size_t PayloadSize) {
  S.observePayload(static_cast<double>(PayloadSize));
  Stats::Outcome O = PayloadSize > Stats::MaxPayload ? Stats::Outcome::Rejected
                                                     : Stats::Outcome::Accepted;
  S.countRequest(Stats::outcomeName(O));
  return O;
}
