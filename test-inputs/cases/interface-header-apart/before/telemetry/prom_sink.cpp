#include "telemetry/prom_sink.h"

namespace relay {

prom_sink::prom_sink()
    : m_registry(std::make_shared<prometheus::Registry>()),
      m_frames(prometheus::BuildCounter()
                   .Name("relay_frames_total")
                   .Help("Frames forwarded")
                   .Register(*m_registry)
                   .Add({})),
      m_drops(prometheus::BuildCounter()
                  .Name("relay_drops_total")
                  .Help("Frames dropped")
                  .Register(*m_registry)
                  .Add({})) {}

void prom_sink::count_frames(std::uint64_t n) { m_frames.Increment(static_cast<double>(n)); }

void prom_sink::count_drops(std::uint64_t n) { m_drops.Increment(static_cast<double>(n)); }

}  // namespace relay
