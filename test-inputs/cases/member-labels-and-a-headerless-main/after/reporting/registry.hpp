#pragma once

#include <memory>

#include <prometheus/registry.h>

/// The process-wide registry, shared: whoever keeps a std::shared_ptr or a
/// std::weak_ptr of it (prometheus::Exposer does) keeps this one.
inline const std::shared_ptr<prometheus::Registry>& DefaultRegistryPtr()
{
    static const std::shared_ptr<prometheus::Registry> registry =
        std::make_shared<prometheus::Registry>();
    return registry;
}

/// The process-wide registry every metric registers on.
inline prometheus::Registry& DefaultRegistry() { return *DefaultRegistryPtr(); }
