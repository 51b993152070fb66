#pragma once

#include "kiosk/context.h"

namespace kiosk {

int print_ticket(Context* ctx, int number);
int void_ticket(Context* ctx, int number);

}  // namespace kiosk
