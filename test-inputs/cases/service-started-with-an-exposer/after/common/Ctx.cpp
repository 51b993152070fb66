#include "common/Ctx.h"
#include "metrics/Metrics.h"

namespace srv {
	Ctx::~Ctx() {
		delete metrics;
		metrics = nullptr;
	}
}
