#pragma once

#include <utility>

namespace daq {

/// Calls aFn with the telemetry when a sink is attached.
template<class Sink, class Fn>
void
withTelemetry(const Sink& aSink, Fn&& aFn)
{
  if (aSink) {
    std::forward<Fn>(aFn)(*aSink);
  }
}

} // namespace daq
