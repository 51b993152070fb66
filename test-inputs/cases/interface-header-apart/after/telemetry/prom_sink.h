#pragma once

#include <prometheus/registry.h>

#include <cstdint>
#include <memory>

namespace relay {

class prom_sink {
public:
    prom_sink();

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
};

}  // namespace relay
