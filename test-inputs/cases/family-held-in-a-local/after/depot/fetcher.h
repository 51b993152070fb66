#ifndef DEPOT_FETCHER_H
#define DEPOT_FETCHER_H

#include "depot/depot_metrics.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <set>
#include <string>

namespace depot
{

extern prometheus::Family<prometheus::Counter>& DEPOT_FETCHES_TOTAL;
extern prometheus::Counter& FETCH_FAILED;
extern prometheus::Counter& FETCH_OK;

extern prometheus::Gauge& DEPOT_OPEN_HANDLES;

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
