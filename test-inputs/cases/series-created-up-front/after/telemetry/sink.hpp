#ifndef PLANT_TELEMETRY_SINK_HPP
#define PLANT_TELEMETRY_SINK_HPP

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

namespace plant {
namespace telemetry {

class sink_interface {
public:
    virtual ~sink_interface() = default;

    virtual void shard_write(const std::string& shard) = 0;
};

class sink : public sink_interface {
public:
    explicit sink(const std::string& shard);

    void shard_write(const std::string& shard) override;

    std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

private:
    std::shared_ptr<prometheus::Registry> registry_;
    prometheus::Family<prometheus::Counter>& shard_writes_;
};

} // namespace telemetry
} // namespace plant

#endif // PLANT_TELEMETRY_SINK_HPP
