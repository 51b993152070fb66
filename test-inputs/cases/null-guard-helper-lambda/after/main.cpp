#include <prometheus/text_serializer.h>

#include <memory>
#include <string>

#include "daq/digitizer.h"
#include "daq/telemetry.h"
#include "daq/trigger.h"

int
main()
{
  auto telemetry = std::make_shared<daq::Telemetry>();
  daq::Digitizer digitizer("adc0");
  daq::Trigger trigger(telemetry.get());
  digitizer.readBlock(512);
  digitizer.readBlock(256);
  digitizer.overflow();
  trigger.fire();
  trigger.fire();
  const std::string text =
    prometheus::TextSerializer().Serialize(telemetry->registry()->Collect());
  for (const char* line : { "daq_samples_total 768\n",
                            "daq_overflows_total 1\n",
                            "daq_triggers_total 2\n" }) {
    if (text.find(line) == std::string::npos) {
      return 1;
    }
  }
  return trigger.fired() == 2 ? 0 : 1;
}
