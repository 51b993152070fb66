#pragma once

#include <cstdint>

namespace srv {
	class Metrics {
	public:
		virtual ~Metrics() = default;

		virtual void emit_processed(uint64_t count) = 0;
		virtual void emit_failed() = 0;
	};
}
