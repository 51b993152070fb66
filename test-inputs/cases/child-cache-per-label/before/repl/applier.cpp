#include "repl/applier.h"

#include "stats/stats.h"

namespace repl {

	Applier::Applier(Stats* stats) : m_stats(stats) {}

	void Applier::apply(const Change& change) {
		if (change.filtered) {
			m_stats->countSkipped(change.table);
			return;
		}
		m_stats->countRows(change.rows, change.owner, change.table);
	}

	void Applier::applyBatch(uint64_t rows) {
		m_stats->countRows(rows);
	}

}
