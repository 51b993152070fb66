#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

namespace repl {

	// Counters of the replication applier.
	class Stats final {
	public:
		Stats();

		void countRows(uint64_t rows);
		void countRows(uint64_t rows, const std::string& owner, const std::string& table);
		void countSkipped(const std::string& table);

		std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

	private:
		std::shared_ptr<prometheus::Registry> m_registry;

		// rows_applied
		prometheus::Family<prometheus::Counter>* m_rows{nullptr};
		prometheus::Counter* m_rowsAll{nullptr};
		std::unordered_map<std::string, prometheus::Counter*> m_rowsByTable;

		// rows_skipped
		prometheus::Family<prometheus::Counter>* m_skipped{nullptr};
		std::unordered_map<std::string, prometheus::Counter*> m_skippedByTable;
	};

}
