#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace net
{

    extern prometheus::Family<prometheus::Counter>& NET_CONNECTS_TOTAL;
    extern prometheus::Counter& CONNECTS_OK;
    extern prometheus::Counter& CONNECTS_REFUSED;

    class Dialer
    {
    public:
        Dialer() {}

        bool Dial(int port);
    };
}
