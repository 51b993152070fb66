#include "decode/DecoderFactory.hpp"

#include <stdexcept>
#include <utility>

namespace decode
{

std::unique_ptr<Decoder> MakeDecoder(const std::string &codec)
{
    if (codec != "h264" && codec != "vp9")
    {
        throw std::invalid_argument("unknown codec: " + codec);
    }
    return std::make_unique<Decoder>(codec);
}

} // namespace decode
