#include "link/Sender.h"

namespace relay {

Sender::Sender(Stats* stats)
    : mStats(stats)
{
}

void Sender::send(int frames, bool congested)
{
    if (!congested)
        mQueued += frames;
    if (mStats != nullptr && congested && frames > 0) {
        mStats->framesDropped(frames);
    }
    if ((mStats) && mQueued > 10)
        mStats->retried();
}

} // namespace relay
