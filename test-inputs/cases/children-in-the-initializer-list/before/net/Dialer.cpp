#include "net/Dialer.h"

namespace net
{
    bool Dialer::Dial(int port)
    {
        if (port <= 0)
        {
            telemetry->ConnectRefused();
            return false;
        }
        telemetry->ConnectOk();
        return true;
    }
}
