#include <ingestd/clock.hpp>

#include <chrono>

namespace ingestd {

Clock Clock::steady() {
    return Clock(false, 0.0);
}

Clock Clock::manual(double start) {
    return Clock(true, start);
}

double Clock::now() const {
    if (m_manual)
        return m_now;
    const auto since = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration<double>(since).count();
}

void Clock::advance(double seconds) {
    if (m_manual)
        m_now += seconds;
}

} // namespace ingestd
