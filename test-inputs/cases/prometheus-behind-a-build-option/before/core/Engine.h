#ifndef CORE_ENGINE_H
#define CORE_ENGINE_H

class Metrics;

class Engine {
public:
	explicit Engine(Metrics* metrics);

	void start();
	int starts() const { return mStarts; }

private:
	Metrics* mMetrics;
	int mStarts = 0;
};

#endif
