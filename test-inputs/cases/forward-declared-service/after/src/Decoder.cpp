#include "decode/Decoder.hpp"
#include "telemetry/ProcessRegistry.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <utility>

namespace decode
{

prometheus::Counter &DECODE_FRAMES_DROPPED_TOTAL = prometheus::BuildCounter()
                                                       .Name("decode_frames_dropped_total")
                                                       .Help("Frames dropped before decoding")
                                                       .Register(telemetry::ProcessRegistry())
                                                       .Add({});

prometheus::Family<prometheus::Counter> &DECODE_FRAMES_TOTAL = prometheus::BuildCounter()
                                                                   .Name("decode_frames_total")
                                                                   .Help("Frames decoded, by codec")
                                                                   .Register(telemetry::ProcessRegistry());

Decoder::Decoder(std::string codec) : _codec(std::move(codec))
{
}

bool Decoder::Decode(const std::vector<std::uint8_t> &frame)
{
    if (frame.empty())
    {
        DECODE_FRAMES_DROPPED_TOTAL.Increment();
        return false;
    }
    DECODE_FRAMES_TOTAL.Add({{"codec", _codec}}).Increment();
    return true;
}

} // namespace decode
