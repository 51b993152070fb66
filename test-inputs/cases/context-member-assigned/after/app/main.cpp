#include "kiosk/context.h"
#include "kiosk/printer.h"
#include "telemetry/telemetry.h"

int main() {
  kiosk::telemetry::Telemetry telemetry;
  kiosk::Context ctx;
  ctx.desk_id = 4;
  ctx.sink = &telemetry;
  return kiosk::print_ticket(&ctx, 1) > 0 ? 0 : 1;
}
