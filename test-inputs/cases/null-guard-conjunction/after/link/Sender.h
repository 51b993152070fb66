#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace relay {

extern prometheus::Counter& RELAY_FRAMES_DROPPED_TOTAL;

extern prometheus::Counter& RELAY_RETRIES_TOTAL;

class Sender {
public:
    Sender();

    void send(int frames, bool congested);
    int queued() const { return mQueued; }

private:
    int mQueued = 0;
};

} // namespace relay
