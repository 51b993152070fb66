#include "stats/stats.h"

namespace repl {

	Stats::Stats() : m_registry(std::make_shared<prometheus::Registry>()) {
		m_rows = &prometheus::BuildCounter().Name("rows_applied")
		                                      .Help("Rows applied to the target")
		                                      .Register(*m_registry);
		m_rowsAll = &m_rows->Add({{"table", "*"}});

		m_skipped = &prometheus::BuildCounter().Name("rows_skipped")
		                                         .Help("Rows filtered out")
		                                         .Register(*m_registry);
	}

	void Stats::countRows(uint64_t rows) {
		m_rowsAll->Increment(static_cast<double>(rows));
	}

	void Stats::countRows(uint64_t rows, const std::string& owner, const std::string& table) {
		const std::string key(owner + "." + table);
		prometheus::Counter* cnt;
		const auto& it = m_rowsByTable.find(key);

		if (it != m_rowsByTable.end())
			cnt = it->second;
		else
			cnt = &m_rows->Add({
				{"table", owner + "." + table}
			});

		cnt->Increment(static_cast<double>(rows));
	}

	void Stats::countSkipped(const std::string& table) {
		auto it = m_skippedByTable.find(table);
		prometheus::Counter* cnt = it == m_skippedByTable.end() ? nullptr : it->second;
		if (cnt == nullptr) {
			cnt = &m_skipped->Add({{"table", table}});
			m_skippedByTable[table] = cnt;
		}
		cnt->Increment();
	}

}
