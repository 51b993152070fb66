#include <prometheus/text_serializer.h>

#include <string>

#include "link/Sender.h"
#include "telemetry/Stats.h"

int main()
{
    relay::Stats stats;
    relay::Sender sender(&stats);
    sender.send(4, false);
    sender.send(3, true);
    sender.send(0, true);
    sender.send(8, false);
    const std::string text = prometheus::TextSerializer().Serialize(stats.registry()->Collect());
    for (const char* line : {"relay_frames_dropped_total 3\n", "relay_retries_total 1\n"})
        if (text.find(line) == std::string::npos)
            return 1;
    return 0;
}
