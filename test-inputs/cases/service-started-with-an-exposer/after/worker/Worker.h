#pragma once

#include <cstdint>
#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "common/Ctx.h"

namespace srv {

	extern prometheus::Counter& SRV_ITEMS_FAILED_TOTAL;

	extern prometheus::Counter& SRV_ITEMS_PROCESSED_TOTAL;

	bool process_batch(Ctx* ctx, uint64_t items, bool ok);
}
