#pragma once
#include "svc/Telemetry.h"

namespace net
{
    class Dialer
    {
    public:
        explicit Dialer(svc::Telemetry* telemetry) : telemetry(telemetry) {}

        bool Dial(int port);

    private:
        svc::Telemetry* telemetry;
    };
}
