#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace stats
{

class TelemetrySink
{
  public:
    virtual ~TelemetrySink() = default;
    virtual void uploaded(int files) = 0;
    virtual void failed(const std::string &reason) = 0;
};

class Telemetry : public TelemetrySink
{
  public:
    Telemetry();

    void uploaded(int files) override;
    void failed(const std::string &reason) override;

    // Samples the queue length into the backlog gauge.
    void poll(int queued);

    std::shared_ptr<prometheus::Registry> registry() const
    {
        return registry_;
    }

  private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Counter &uploads_;
    prometheus::Family<prometheus::Counter> &failures_;
    prometheus::Gauge &backlog_;
};

} // namespace stats
