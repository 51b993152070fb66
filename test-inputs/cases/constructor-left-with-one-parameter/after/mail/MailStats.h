#pragma once

#include <memory>

#include <prometheus/registry.h>

namespace mail
{

class MailStats
{
public:
    MailStats();

    std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
    std::shared_ptr<prometheus::Registry> m_registry;
};

} // namespace mail
