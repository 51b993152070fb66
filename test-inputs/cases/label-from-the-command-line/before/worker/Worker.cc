#include "worker/Worker.hh"

namespace worker {

bool Worker::run(bool ok) {
    mStats.countJob();
    if (!ok) {
        mStats.countFailure();
    }
    return ok;
}

} // namespace worker
