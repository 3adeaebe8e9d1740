#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

namespace iw {

// Throughput, ETA and stall detection for one queued operation, from a history of
// (time, done-count) samples. Pure: the caller passes every time in (an injected clock), so the math is
// testable without waiting. "Done" is Ingested + Failed + Canceled (QueuedOperation::done()).
class ProgressEstimator
{
public:
    struct Sample
    {
        qint64 msecs = 0; // milliseconds since the epoch (UTC)
        qint64 done = 0;
        bool operator==(const Sample &) const = default;
    };

    static constexpr qint64 kDefaultWindowMsecs = 10 * 60 * 1000;
    static constexpr int kMaxSamples = 256;

    explicit ProgressEstimator(qint64 windowMsecs = kDefaultWindowMsecs) : m_windowMsecs(windowMsecs) { }

    // Sliding window over which the rate is measured (at least 1 ms).
    void setWindowMsecs(qint64 msecs);
    qint64 windowMsecs() const { return m_windowMsecs; }

    // Samples may arrive out of order (archive preload after live polls): they are kept sorted by time.
    // A sample with the same time as an existing one replaces it. A done-count that goes down (the service
    // restarted its counters) drops the older history.
    void addSample(qint64 msecs, qint64 done);
    void addSamples(const std::vector<Sample> &samples);
    void clear();

    const std::vector<Sample> &samples() const { return m_samples; }
    std::optional<Sample> latest() const;

    // Blobs per minute over the window ending at the latest sample; nullopt with fewer than two samples
    // spanning a positive time.
    std::optional<double> blobsPerMinute() const;
    // Seconds until `pending` blobs are done at the current rate; nullopt when the rate is unknown or 0,
    // or the operation is terminal. 0 when nothing is pending.
    std::optional<qint64> etaSeconds(qint64 pending, bool terminal) const;
    // Time at which the done-count last changed (the first sample holding the latest count);
    // nullopt without samples.
    std::optional<qint64> lastChangeMsecs() const;
    // True when the done-count has not moved for at least thresholdMsecs at `nowMsecs`, while in progress.
    bool isStalled(qint64 nowMsecs, qint64 thresholdMsecs, bool inProgress) const;

private:
    void prune();

    qint64 m_windowMsecs;
    std::vector<Sample> m_samples; // sorted by msecs, unique times
    qint64 m_lastChangeMsecs = 0; // valid when m_hasChange
    qint64 m_lastChangeDone = 0;
    bool m_hasChange = false;
};

} // namespace iw
