#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace telemetry
{
class Metrics;
}

namespace decode
{

class Decoder
{
  public:
    Decoder(std::string codec, std::shared_ptr<telemetry::Metrics> metrics);

    bool Decode(const std::vector<std::uint8_t> &frame);

  private:
    std::string _codec;
    std::shared_ptr<telemetry::Metrics> _metrics;
};

} // namespace decode
