#pragma once

#include <memory>
#include <string>

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/registry.h>

#include "metrics/Metrics.h"

namespace srv {
	// Serves /metrics on the address it is given for as long as it lives.
	class MetricsPrometheus : public Metrics {
	public:
		explicit MetricsPrometheus(const std::string& bind);
		~MetricsPrometheus() override;

		void emit_processed(uint64_t count) override;
		void emit_failed() override;

	private:
		std::shared_ptr<prometheus::Registry> m_registry;
		prometheus::Exposer* m_exposer{nullptr};
		prometheus::Counter* m_processed{nullptr};
		prometheus::Counter* m_failed{nullptr};
	};
}
