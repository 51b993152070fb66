#pragma once

#include <memory>
#include <string>
#include <vector>

#include <prometheus/registry.h>

namespace cache {
namespace stats {

class CacheStats {
public:
    CacheStats();

private:
    std::shared_ptr<prometheus::Registry> mRegistry;
};

}  // namespace stats
}  // namespace cache
