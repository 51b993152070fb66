#include "telemetry/Metrics.hpp"

namespace telemetry
{

Metrics::Metrics()
    : _registry(std::make_shared<prometheus::Registry>()),
      _decoded(prometheus::BuildCounter()
                   .Name("decode_frames_total")
                   .Help("Frames decoded, by codec")
                   .Register(*_registry)),
      _dropped(prometheus::BuildCounter()
                   .Name("decode_frames_dropped_total")
                   .Help("Frames dropped before decoding")
                   .Register(*_registry)
                   .Add({}))
{
}

void Metrics::FrameDecoded(const std::string &codec)
{
    _decoded.Add({{"codec", codec}}).Increment();
}

void Metrics::FrameDropped()
{
    _dropped.Increment();
}

} // namespace telemetry
