#ifndef PLANT_TELEMETRY_SINK_HPP
#define PLANT_TELEMETRY_SINK_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace plant {
namespace telemetry {

class sink_interface {
public:
    virtual ~sink_interface() = default;

    virtual void door_state(const std::string& state, double value) = 0;
    virtual void alarm(bool fired) = 0;
    virtual void read_latency(const std::string& op, double seconds) = 0;
    virtual void shard_write(const std::string& shard) = 0;
};

class sink : public sink_interface {
public:
    explicit sink(const std::string& shard);

    void door_state(const std::string& state, double value) override;
    void alarm(bool fired) override;
    void read_latency(const std::string& op, double seconds) override;
    void shard_write(const std::string& shard) override;

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Family<prometheus::Gauge>& door_states_;
    prometheus::Family<prometheus::Counter>* alarms_;
    prometheus::Family<prometheus::Histogram>& read_seconds_;
    prometheus::Family<prometheus::Counter>& shard_writes_;
};

} // namespace telemetry
} // namespace plant

#endif // PLANT_TELEMETRY_SINK_HPP
