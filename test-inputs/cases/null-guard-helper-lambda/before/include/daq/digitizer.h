#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "daq/telemetry.h"

namespace daq {

/// Reads sample blocks from one ADC channel.
class Digitizer
{
public:
  Digitizer(std::string aName, std::shared_ptr<Telemetry> aTelemetry);

  void readBlock(std::size_t aSamples);
  void overflow();
  std::size_t total() const { return mTotal; }

private:
  std::string mName;
  std::shared_ptr<Telemetry> mTelemetry;
  std::size_t mTotal = 0;
};

} // namespace daq
