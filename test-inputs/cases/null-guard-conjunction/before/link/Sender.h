#pragma once

#include "telemetry/Stats.h"

namespace relay {

class Sender {
public:
    explicit Sender(Stats* stats);

    void send(int frames, bool congested);
    int queued() const { return mQueued; }

private:
    Stats* mStats;
    int mQueued = 0;
};

} // namespace relay
