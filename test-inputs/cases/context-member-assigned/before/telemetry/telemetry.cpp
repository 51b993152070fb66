#include "telemetry/telemetry.h"

namespace kiosk {
namespace telemetry {

Telemetry::Telemetry()
    : registry_(std::make_shared<prometheus::Registry>()),
      printed_(prometheus::BuildCounter()
                   .Name("kiosk_tickets_printed_total")
                   .Help("Tickets printed")
                   .Register(*registry_)
                   .Add({})),
      voided_(prometheus::BuildCounter()
                  .Name("kiosk_tickets_voided_total")
                  .Help("Tickets voided")
                  .Register(*registry_)
                  .Add({})) {}

void Telemetry::ticket_printed() { printed_.Increment(); }

void Telemetry::ticket_voided() { voided_.Increment(); }

}  // namespace telemetry
}  // namespace kiosk
