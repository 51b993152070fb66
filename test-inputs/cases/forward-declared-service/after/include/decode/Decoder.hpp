#pragma once

#include <cstdint>
#include <memory>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>
#include <vector>

namespace decode
{

extern prometheus::Counter &DECODE_FRAMES_DROPPED_TOTAL;

extern prometheus::Family<prometheus::Counter> &DECODE_FRAMES_TOTAL;

class Decoder
{
  public:
    Decoder(std::string codec);

    bool Decode(const std::vector<std::uint8_t> &frame);

  private:
    std::string _codec;
};

} // namespace decode
