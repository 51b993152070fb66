#include <prometheus/text_serializer.h>

#include <string>

#include "repl/applier.h"
#include "stats/stats.h"

int main() {
	repl::Stats stats;
	repl::Applier applier;
	applier.apply({"shop", "orders", 2, false});
	applier.apply({"shop", "orders", 3, false});
	applier.apply({"shop", "items", 1, false});
	applier.apply({"shop", "audit", 7, true});
	applier.apply({"shop", "audit", 7, true});
	applier.applyBatch(10);
	const std::string text = prometheus::TextSerializer().Serialize(stats.registry()->Collect());
	for (const char* line : {"rows_applied{table=\"shop.orders\"} 5\n",
	                         "rows_applied{table=\"shop.items\"} 1\n",
	                         "rows_applied{table=\"*\"} 10\n",
	                         "rows_skipped{table=\"audit\"} 2\n"})
		if (text.find(line) == std::string::npos)
			return 1;
	return 0;
}
