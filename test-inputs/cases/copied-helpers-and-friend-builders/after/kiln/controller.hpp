#pragma once

#include <functional>
#include <memory>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <string>

namespace kiln {

extern prometheus::Family<prometheus::Gauge>& KILN_PHASE;

extern prometheus::Histogram& KILN_RAMP_LATENCY_MS;

class controller;

// Builds a controller wired to the board; the only way to get one.
std::unique_ptr<controller> build_controller(const std::string& name);

class controller {
public:
    void fire();
    const std::string& name() const { return name_; }

private:
    friend std::unique_ptr<controller> build_controller(const std::string&);
    controller() = default;

    std::string name_;
    std::function<void()> on_fire_;
};

} // namespace kiln
