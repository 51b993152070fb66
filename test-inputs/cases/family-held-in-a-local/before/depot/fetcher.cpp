#include "depot/fetcher.h"

namespace depot
{

bool fetcher::fetch(const std::string& key)
{
    if (key.empty()) {
        metrics_.fetch_failed();
        return false;
    }
    open_.insert(key);
    metrics_.set_open(static_cast<double>(open_.size()));
    metrics_.fetch_ok();
    return true;
}

void fetcher::close(const std::string& key)
{
    if (open_.erase(key) > 0) {
        metrics_.evicted();
    }
    metrics_.set_open(static_cast<double>(open_.size()));
}

} // namespace depot
