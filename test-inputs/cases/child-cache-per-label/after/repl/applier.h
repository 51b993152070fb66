#pragma once

#include <cstdint>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>

namespace repl {

	extern prometheus::Family<prometheus::Counter>& ROWS_APPLIED;
	extern prometheus::Counter& ROWS_ALL;

	extern prometheus::Family<prometheus::Counter>& ROWS_SKIPPED;

	struct Change {
		std::string owner;
		std::string table;
		uint64_t rows;
		bool filtered;
	};

	class Applier {
	public:
		Applier();

		void apply(const Change& change);
		void applyBatch(uint64_t rows);
	};

}
