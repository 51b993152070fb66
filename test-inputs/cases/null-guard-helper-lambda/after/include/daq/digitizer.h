#pragma once

#include <cstddef>
#include <memory>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>

namespace daq {

extern prometheus::Counter& DAQ_OVERFLOWS_TOTAL;

extern prometheus::Counter& DAQ_SAMPLES_TOTAL;

/// Reads sample blocks from one ADC channel.
class Digitizer
{
public:
  explicit Digitizer(std::string aName);

  void readBlock(std::size_t aSamples);
  void overflow();
  std::size_t total() const { return mTotal; }

private:
  std::string mName;
  std::size_t mTotal = 0;
};

} // namespace daq
