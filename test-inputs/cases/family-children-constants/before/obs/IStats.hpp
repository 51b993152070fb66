#ifndef OBS_ISTATS_HPP
#define OBS_ISTATS_HPP

namespace obs
{

class IStats
{
public:
	virtual ~IStats() = default;

	virtual void jobDone() = 0;
	virtual void jobFailed() = 0;
	virtual void queueDepth(double depth) = 0;
};

} // namespace obs

#endif
