#include "lib/metrics.h"
#include "lib/process_registry.h"

namespace ingest
{

metrics::metrics () : registry_ (ingest::process_registry_ptr ())
{
}

} // namespace ingest
