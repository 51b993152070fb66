#pragma once

namespace kiosk {

// Everything a desk needs, handed around by pointer.
struct Context {
  int desk_id = 0;
};

}  // namespace kiosk
