#include "svc/Telemetry.h"

namespace svc
{
    Telemetry::Telemetry()
        : registry(std::make_shared<prometheus::Registry>()),
          connects(prometheus::BuildCounter()
                       .Name("net_connects_total")
                       .Help("Connection attempts by result")
                       .Register(*registry)),
          connectsOk(connects.Add({{"result", "ok"}})),
          connectsRefused(connects.Add({{"result", "refused"}}))
    {
    }

    void Telemetry::ConnectOk() { connectsOk.Increment(); }

    void Telemetry::ConnectRefused() { connectsRefused.Increment(); }
}
