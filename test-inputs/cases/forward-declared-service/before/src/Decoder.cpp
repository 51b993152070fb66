#include "decode/Decoder.hpp"

#include "telemetry/Metrics.hpp"

#include <utility>

namespace decode
{

Decoder::Decoder(std::string codec, std::shared_ptr<telemetry::Metrics> metrics)
    : _codec(std::move(codec)), _metrics(std::move(metrics))
{
}

bool Decoder::Decode(const std::vector<std::uint8_t> &frame)
{
    if (frame.empty())
    {
        _metrics->FrameDropped();
        return false;
    }
    _metrics->FrameDecoded(_codec);
    return true;
}

} // namespace decode
