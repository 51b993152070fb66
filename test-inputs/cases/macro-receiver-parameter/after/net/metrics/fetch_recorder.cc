#include "net/metrics/fetch_recorder.h"
#include "net/metrics/registry.h"

namespace net {

FetchRecorder::FetchRecorder()
    : registry_(net::metrics::DefaultRegistryPtr()) {}

}  // namespace net
