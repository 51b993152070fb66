#pragma once

#include <cstdint>

namespace srv {
	class Metrics {
	public:
		virtual ~Metrics() = default;
	};
}
