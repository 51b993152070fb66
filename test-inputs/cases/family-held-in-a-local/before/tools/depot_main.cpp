#include "depot/depot_metrics.h"
#include "depot/fetcher.h"

#include <prometheus/text_serializer.h>

#include <string>

int main()
{
    depot::depot_metrics metrics;
    depot::fetcher fetcher(metrics);
    if (!fetcher.fetch("a") || !fetcher.fetch("b") || fetcher.fetch("")) {
        return 1;
    }
    fetcher.close("a");
    const std::string text = prometheus::TextSerializer().Serialize(metrics.registry()->Collect());
    for (const char* line : { "depot_fetches_total{result=\"ok\"} 2",
                              "depot_fetches_total{result=\"failed\"} 1",
                              "depot_open_handles 1",
                              "depot_evictions_total{reason=\"size\"} 1",
                              "depot_evictions_total{reason=\"age\"} 0" }) {
        if (text.find(line) == std::string::npos) {
            return 2;
        }
    }
    return 0;
}
