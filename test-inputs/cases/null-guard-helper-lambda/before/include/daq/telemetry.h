#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <cstddef>
#include <memory>

namespace daq {

/// Every metric of the acquisition chain.
class Telemetry
{
public:
  Telemetry();

  void addSamples(std::size_t aCount);
  void countOverflow();
  void countTrigger();

  const std::shared_ptr<prometheus::Registry>& registry() const
  {
    return mRegistry;
  }

private:
  std::shared_ptr<prometheus::Registry> mRegistry;
  prometheus::Counter& mSamples;
  prometheus::Counter& mOverflows;
  prometheus::Counter& mTriggers;
};

} // namespace daq
