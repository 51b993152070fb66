#include "stats/stats.h"
#include "stats/registry.h"

namespace repl {

	Stats::Stats() : m_registry(repl::metrics::registry_ptr()) {}

}
