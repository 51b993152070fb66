#include "worker/Worker.h"
#include "metrics/Metrics.h"

namespace srv {
	bool process_batch(Ctx* ctx, uint64_t items, bool ok) {
		if (!ok) {
			ctx->metrics->emit_failed();
			return false;
		}
		ctx->metrics->emit_processed(items);
		return true;
	}
}
