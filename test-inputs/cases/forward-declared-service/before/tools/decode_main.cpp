#include "decode/DecoderFactory.hpp"
#include "telemetry/Metrics.hpp"

#include <prometheus/text_serializer.h>

#include <memory>
#include <string>

int main()
{
    auto metrics = std::make_shared<telemetry::Metrics>();
    auto h264 = decode::MakeDecoder("h264", metrics);
    auto vp9 = decode::MakeDecoder("vp9", metrics);
    h264->Decode({1, 2, 3});
    h264->Decode({});
    vp9->Decode({4});
    const std::string text = prometheus::TextSerializer().Serialize(metrics->Registry()->Collect());
    for (const char *line : {"decode_frames_total{codec=\"h264\"} 1\n", "decode_frames_total{codec=\"vp9\"} 1\n",
                             "decode_frames_dropped_total 1\n"})
    {
        if (text.find(line) == std::string::npos)
        {
            return 1;
        }
    }
    return 0;
}
