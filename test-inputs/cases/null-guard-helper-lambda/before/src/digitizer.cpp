#include "daq/digitizer.h"

#include <utility>

#include "daq/with_telemetry.h"

namespace daq {

Digitizer::Digitizer(std::string aName, std::shared_ptr<Telemetry> aTelemetry)
  : mName(std::move(aName))
  , mTelemetry(std::move(aTelemetry))
{
}

void
Digitizer::readBlock(std::size_t aSamples)
{
  mTotal += aSamples;
  withTelemetry(mTelemetry, [&](Telemetry& aT) { aT.addSamples(aSamples); });
}

void
Digitizer::overflow()
{
  mTotal = 0;
  withTelemetry(mTelemetry, [](auto& aTelemetry) {
    // One more lost block.
    aTelemetry.countOverflow();
  });
}

} // namespace daq
