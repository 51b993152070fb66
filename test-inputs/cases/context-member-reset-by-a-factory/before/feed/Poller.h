#pragma once

#include <string>

#include "core/Context.h"

namespace feed {

bool Poll(Context& aContext, const std::string& aUrl);

} // namespace feed
