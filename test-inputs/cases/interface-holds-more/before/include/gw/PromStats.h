//===--- PromStats.h - Stats on a Prometheus registry -----------*- C++ -*-===//

#ifndef GW_PROMSTATS_H
#define GW_PROMSTATS_H

#include "gw/Stats.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>

namespace gw {

class PromStats : public Stats {
public:
  PromStats();

  void countRequest(const std::string &Result) override;
  void observePayload(double Bytes) override;

  std::shared_ptr<prometheus::Registry> registry() const { return Registry; }

private:
  std::shared_ptr<prometheus::Registry> Registry;
  prometheus::Family<prometheus::Counter> &Requests;
  prometheus::Histogram &Payload;
};

} // namespace gw

#endif // GW_PROMSTATS_H
