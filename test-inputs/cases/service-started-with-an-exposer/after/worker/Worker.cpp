#include "worker/Worker.h"
#include "metrics/Metrics.h"
#include "metrics/Registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace srv {

	prometheus::Counter& SRV_ITEMS_FAILED_TOTAL =
		prometheus::BuildCounter()
			.Name("srv_items_failed_total")
			.Help("Items that failed")
			.Register(srv::DefaultRegistry())
			.Add({});

	prometheus::Counter& SRV_ITEMS_PROCESSED_TOTAL =
		prometheus::BuildCounter()
			.Name("srv_items_processed_total")
			.Help("Items processed")
			.Register(srv::DefaultRegistry())
			.Add({});

	bool process_batch(Ctx* /*ctx*/, uint64_t items, bool ok) {
		if (!ok) {
			SRV_ITEMS_FAILED_TOTAL.Increment();
			return false;
		}
		SRV_ITEMS_PROCESSED_TOTAL.Increment(static_cast<double>(items));
		return true;
	}
}
