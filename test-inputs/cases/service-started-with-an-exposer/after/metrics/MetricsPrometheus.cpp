#include "metrics/MetricsPrometheus.h"
#include "metrics/Registry.h"

namespace srv {
	MetricsPrometheus::MetricsPrometheus(const std::string& bind)
		: m_registry(srv::DefaultRegistryPtr()) {
		m_exposer = new prometheus::Exposer(bind);
		m_exposer->RegisterCollectable(m_registry);
	}

	MetricsPrometheus::~MetricsPrometheus() {
		delete m_exposer;
	}
}
