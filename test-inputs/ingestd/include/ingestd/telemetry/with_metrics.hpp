#pragma once

namespace ingestd {

/// Runs `f` with the metrics when there are any: components built without metrics (tools,
/// some checks) pass a null pointer and simply record nothing.
template <class M, class F> void withMetrics(M* m, F f) {
    if (m)
        f(*m);
}

} // namespace ingestd
