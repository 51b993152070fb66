#pragma once

#include <memory>
#include <string>

#include <prometheus/exposer.h>
#include <prometheus/registry.h>

#include "metrics/Metrics.h"

namespace srv {
	// Serves /metrics on the address it is given for as long as it lives.
	class MetricsPrometheus : public Metrics {
	public:
		explicit MetricsPrometheus(const std::string& bind);
		~MetricsPrometheus() override;

	private:
		std::shared_ptr<prometheus::Registry> m_registry;
		prometheus::Exposer* m_exposer{nullptr};
	};
}
