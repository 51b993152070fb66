#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <string>

#include "core/Context.h"

namespace feed {

extern prometheus::Counter& FEED_ITEMS_POLLED_TOTAL;

extern prometheus::Counter& FEED_POLLS_FAILED_TOTAL;

bool Poll(Context& aContext, const std::string& aUrl);

} // namespace feed
