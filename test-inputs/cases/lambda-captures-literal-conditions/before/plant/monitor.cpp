#include "plant/monitor.hh"

#include <algorithm>

namespace plant {

monitor::monitor(alarm_metrics& metrics, double const limit)
    : metrics_{metrics}, limit_{limit}
{
}

auto monitor::poll(std::map<std::string, double> const& readings) -> void
{
    std::for_each(readings.begin(), readings.end(), [&sink = metrics_](auto const& reading) {
        sink.on_sample(reading.first, reading.second);
    });
    auto const over = std::any_of(readings.begin(), readings.end(),
                                  [this](auto const& reading) { return reading.second > limit_; });
    metrics_.on_alarm(over);
}

auto monitor::raise() -> void { metrics_.on_alarm(true); }

auto monitor::clear() -> void { metrics_.on_alarm(false); }

auto replay(alarm_metrics& metrics, std::vector<double> const& values) -> void
{
    auto const each = [&metrics](double const value) { metrics.on_sample("replay", value); };
    std::for_each(values.begin(), values.end(), each);
}

} // namespace plant
