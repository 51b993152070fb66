#include "daq/digitizer.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <utility>

#include "daq/telemetry_registry.h"
#include "daq/with_telemetry.h"

namespace daq {

prometheus::Counter& DAQ_OVERFLOWS_TOTAL = prometheus::BuildCounter()
                                             .Name("daq_overflows_total")
                                             .Help("Digitizer buffer overflows")
                                             .Register(daq::TelemetryRegistry())
                                             .Add({});

prometheus::Counter& DAQ_SAMPLES_TOTAL =
  prometheus::BuildCounter()
    .Name("daq_samples_total")
    .Help("Samples read from the digitizers")
    .Register(daq::TelemetryRegistry())
    .Add({});

Digitizer::Digitizer(std::string aName)
  : mName(std::move(aName))
{
}

void
Digitizer::readBlock(std::size_t aSamples)
{
  mTotal += aSamples;
  DAQ_SAMPLES_TOTAL.Increment(static_cast<double>(aSamples));
}

void
Digitizer::overflow()
{
  mTotal = 0;
  // One more lost block.
  DAQ_OVERFLOWS_TOTAL.Increment();
}

} // namespace daq
