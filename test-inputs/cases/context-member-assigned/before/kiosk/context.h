#pragma once

#include "telemetry/telemetry.h"

namespace kiosk {

// Everything a desk needs, handed around by pointer.
struct Context {
  int desk_id = 0;
  telemetry::Sink* sink = nullptr;
};

}  // namespace kiosk
