#pragma once

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

		std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

	private:
		std::shared_ptr<prometheus::Registry> m_registry;
	};

}
