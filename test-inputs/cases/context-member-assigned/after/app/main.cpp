#include "kiosk/context.h"
#include "kiosk/printer.h"

int main() {
  kiosk::Context ctx;
  ctx.desk_id = 4;
  return kiosk::print_ticket(&ctx, 1) > 0 ? 0 : 1;
}
