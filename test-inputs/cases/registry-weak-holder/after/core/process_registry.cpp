#include "core/process_registry.h"

namespace arcade {

prometheus::Registry&
process_registry()
{
    static prometheus::Registry registry;
    return registry;
}

} // namespace arcade
