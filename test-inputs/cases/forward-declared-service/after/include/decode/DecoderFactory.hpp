#pragma once

#include "decode/Decoder.hpp"

#include <memory>
#include <string>

namespace decode
{

// Makes the decoder for a codec name; every decoder records to the same metrics.
std::unique_ptr<Decoder> MakeDecoder(const std::string &codec);

} // namespace decode
