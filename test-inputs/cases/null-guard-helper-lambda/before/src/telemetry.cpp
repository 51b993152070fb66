#include "daq/telemetry.h"

namespace daq {

Telemetry::Telemetry()
  : mRegistry(std::make_shared<prometheus::Registry>())
  , mSamples(prometheus::BuildCounter()
               .Name("daq_samples_total")
               .Help("Samples read from the digitizers")
               .Register(*mRegistry)
               .Add({}))
  , mOverflows(prometheus::BuildCounter()
                 .Name("daq_overflows_total")
                 .Help("Digitizer buffer overflows")
                 .Register(*mRegistry)
                 .Add({}))
  , mTriggers(prometheus::BuildCounter()
                .Name("daq_triggers_total")
                .Help("Triggers fired")
                .Register(*mRegistry)
                .Add({}))
{
}

void
Telemetry::addSamples(std::size_t aCount)
{
  mSamples.Increment(static_cast<double>(aCount));
}

void
Telemetry::countOverflow()
{
  mOverflows.Increment();
}

void
Telemetry::countTrigger()
{
  mTriggers.Increment();
}

} // namespace daq
