#include "net/Dialer.h"
#include "svc/SharedRegistry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace net
{

    prometheus::Family<prometheus::Counter>& NET_CONNECTS_TOTAL =
        prometheus::BuildCounter()
            .Name("net_connects_total")
            .Help("Connection attempts by result")
            .Register(svc::SharedRegistry());
    prometheus::Counter& CONNECTS_OK =
        NET_CONNECTS_TOTAL.Add({{"result", "ok"}});
    prometheus::Counter& CONNECTS_REFUSED =
        NET_CONNECTS_TOTAL.Add({{"result", "refused"}});

    bool Dialer::Dial(int port)
    {
        if (port <= 0)
        {
            CONNECTS_REFUSED.Increment();
            return false;
        }
        CONNECTS_OK.Increment();
        return true;
    }
}
