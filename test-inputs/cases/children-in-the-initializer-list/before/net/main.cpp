#include "net/Dialer.h"
#include "svc/Telemetry.h"

int main()
{
    svc::Telemetry telemetry;
    net::Dialer dialer(&telemetry);
    bool ok = dialer.Dial(80);
    bool refused = !dialer.Dial(0);
    return ok && refused ? 0 : 1;
}
