#pragma once

#include <prometheus/registry.h>

namespace arcade {

prometheus::Registry&
process_registry();

} // namespace arcade
