#include "stats/CacheStats.h"
#include "stats/Registry.h"

namespace cache {
namespace stats {

CacheStats::CacheStats() : mRegistry(cache::stats::DefaultRegistryPtr()) {}

}  // namespace stats
}  // namespace cache
