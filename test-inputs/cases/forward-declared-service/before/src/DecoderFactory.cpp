#include "decode/DecoderFactory.hpp"

#include <stdexcept>
#include <utility>

namespace decode
{

std::unique_ptr<Decoder> MakeDecoder(const std::string &codec, std::shared_ptr<telemetry::Metrics> metrics)
{
    if (codec != "h264" && codec != "vp9")
    {
        throw std::invalid_argument("unknown codec: " + codec);
    }
    return std::make_unique<Decoder>(codec, std::move(metrics));
}

} // namespace decode
