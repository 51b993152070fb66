#include "kiosk/printer.h"

namespace kiosk {

int print_ticket(Context* ctx, int number) {
  ctx->sink->ticket_printed();
  return ctx->desk_id * 1000 + number;
}

int void_ticket(Context* ctx, int number) {
  ctx->sink->ticket_voided();
  return -(ctx->desk_id * 1000 + number);
}

}  // namespace kiosk
