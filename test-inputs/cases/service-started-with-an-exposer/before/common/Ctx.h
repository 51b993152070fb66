#pragma once

namespace srv {
	class Metrics;

	// What every part of the server shares; it owns the metrics.
	struct Ctx {
		Metrics* metrics{nullptr};
		int shard{0};

		~Ctx();
	};
}
