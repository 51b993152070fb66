#include "repl/applier.h"
#include "stats/registry.h"
#include <prometheus/counter.h>
#include <prometheus/family.h>

namespace repl {

	prometheus::Family<prometheus::Counter>& ROWS_APPLIED =
		prometheus::BuildCounter()
			.Name("rows_applied")
			.Help("Rows applied to the target")
			.Register(repl::metrics::registry());
	prometheus::Counter& ROWS_ALL = ROWS_APPLIED.Add({{"table", "*"}});

	prometheus::Family<prometheus::Counter>& ROWS_SKIPPED =
		prometheus::BuildCounter()
			.Name("rows_skipped")
			.Help("Rows filtered out")
			.Register(repl::metrics::registry());

	Applier::Applier() {}

	void Applier::apply(const Change& change) {
		if (change.filtered) {
			ROWS_SKIPPED.Add({{"table", change.table}}).Increment();
			return;
		}
		ROWS_APPLIED.Add({{"table", change.owner + "." + change.table}})
			.Increment(static_cast<double>(change.rows));
	}

	void Applier::applyBatch(uint64_t rows) {
		ROWS_ALL.Increment(static_cast<double>(rows));
	}

}
