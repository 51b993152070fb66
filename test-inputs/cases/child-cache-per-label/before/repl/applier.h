#pragma once

#include <cstdint>
#include <string>

namespace repl {

	class Stats;

	struct Change {
		std::string owner;
		std::string table;
		uint64_t rows;
		bool filtered;
	};

	class Applier {
	public:
		explicit Applier(Stats* stats);

		void apply(const Change& change);
		void applyBatch(uint64_t rows);

	private:
		Stats* m_stats;
	};

}
