//===--- Stats.h - What the gateway reports ---------------------*- C++ -*-===//
//
// The Prometheus side lives in PromStats.h.
//
//===----------------------------------------------------------------------===//

#ifndef GW_STATS_H
#define GW_STATS_H

#include <cstddef>
#include <string>

namespace gw {

/// What the gateway reports about the requests it handles.
class Stats {
public:
  /// How a request ended.
  enum class Outcome { Accepted, Rejected };

  /// Payloads larger than this are rejected.
  static constexpr std::size_t MaxPayload = 4096;

  virtual ~Stats() = default;

  /// The label value of \p O.
  static const char *outcomeName(Outcome O) {
    return O == Outcome::Accepted ? "accepted" : "rejected";
  }
};

} // namespace gw

#endif // GW_STATS_H
