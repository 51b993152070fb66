#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace telemetry
{

class Metrics
{
  public:
    Metrics();

    void FrameDecoded(const std::string &codec);
    void FrameDropped();

    std::shared_ptr<prometheus::Registry> Registry() const
    {
        return _registry;
    }

  private:
    std::shared_ptr<prometheus::Registry> _registry;
    prometheus::Family<prometheus::Counter> &_decoded;
    prometheus::Counter &_dropped;
};

} // namespace telemetry
