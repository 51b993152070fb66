#ifndef OBS_STATS_HPP
#define OBS_STATS_HPP

#include <prometheus/registry.h>

#include <memory>

namespace obs
{

class Stats
{
public:
	Stats();

	std::shared_ptr<prometheus::Registry> registry() const { return m_registry; }

private:
	std::shared_ptr<prometheus::Registry> m_registry;
};

} // namespace obs

#endif
