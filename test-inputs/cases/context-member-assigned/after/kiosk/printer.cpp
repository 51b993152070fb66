#include "kiosk/printer.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "telemetry/registry.h"

namespace kiosk {

prometheus::Counter& KIOSK_TICKETS_PRINTED_TOTAL =
    prometheus::BuildCounter()
        .Name("kiosk_tickets_printed_total")
        .Help("Tickets printed")
        .Register(kiosk::telemetry::DefaultRegistry())
        .Add({});

prometheus::Counter& KIOSK_TICKETS_VOIDED_TOTAL =
    prometheus::BuildCounter()
        .Name("kiosk_tickets_voided_total")
        .Help("Tickets voided")
        .Register(kiosk::telemetry::DefaultRegistry())
        .Add({});

int print_ticket(Context* ctx, int number) {
  KIOSK_TICKETS_PRINTED_TOTAL.Increment();
  return ctx->desk_id * 1000 + number;
}

int void_ticket(Context* ctx, int number) {
  KIOSK_TICKETS_VOIDED_TOTAL.Increment();
  return -(ctx->desk_id * 1000 + number);
}

}  // namespace kiosk
