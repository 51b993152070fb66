#ifndef DEPOT_FETCHER_H
#define DEPOT_FETCHER_H

#include "depot/depot_metrics.h"

#include <set>
#include <string>

namespace depot
{

class fetcher
{
public:
    explicit fetcher(depot_metrics& metrics)
        : metrics_(metrics)
    {
    }

    bool fetch(const std::string& key);
    void close(const std::string& key);

private:
    depot_metrics& metrics_;
    std::set<std::string> open_;
};

} // namespace depot

#endif // DEPOT_FETCHER_H
