#pragma once

#include <cstdint>

#include "common/Ctx.h"

namespace srv {
	bool process_batch(Ctx* ctx, uint64_t items, bool ok);
}
