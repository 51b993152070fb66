#include "metrics/MetricsPrometheus.h"

namespace srv {
	MetricsPrometheus::MetricsPrometheus(const std::string& bind)
		: m_registry(std::make_shared<prometheus::Registry>()) {
		m_processed = &prometheus::BuildCounter()
			.Name("srv_items_processed_total")
			.Help("Items processed")
			.Register(*m_registry)
			.Add({});
		m_failed = &prometheus::BuildCounter()
			.Name("srv_items_failed_total")
			.Help("Items that failed")
			.Register(*m_registry)
			.Add({});
		m_exposer = new prometheus::Exposer(bind);
		m_exposer->RegisterCollectable(m_registry);
	}

	MetricsPrometheus::~MetricsPrometheus() {
		delete m_exposer;
	}

	void MetricsPrometheus::emit_processed(uint64_t count) {
		m_processed->Increment(static_cast<double>(count));
	}

	void MetricsPrometheus::emit_failed() {
		m_failed->Increment();
	}
}
