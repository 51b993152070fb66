#pragma once

namespace ingestd {

/// Seconds since an arbitrary origin. A manual clock only moves when told to, which keeps
/// latencies, ages and backoffs reproducible in checks and in dump_metrics.
class Clock {
public:
    static Clock steady();
    static Clock manual(double start = 0.0);

    double now() const;
    void advance(double seconds);
    bool isManual() const { return m_manual; }

private:
    Clock(bool manual, double start) : m_manual(manual), m_now(start) {}

    bool m_manual;
    double m_now;
};

} // namespace ingestd
