#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "kiosk/context.h"

namespace kiosk {

extern prometheus::Counter& KIOSK_TICKETS_PRINTED_TOTAL;

extern prometheus::Counter& KIOSK_TICKETS_VOIDED_TOTAL;

int print_ticket(Context* ctx, int number);
int void_ticket(Context* ctx, int number);

}  // namespace kiosk
