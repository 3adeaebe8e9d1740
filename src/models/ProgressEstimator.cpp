#include "models/ProgressEstimator.h"

#include <algorithm>

namespace iw {

void ProgressEstimator::setWindowMsecs(qint64 msecs)
{
    m_windowMsecs = std::max<qint64>(1, msecs);
    prune();
}

void ProgressEstimator::clear()
{
    m_samples.clear();
    m_lastChangeMsecs = 0;
    m_lastChangeDone = 0;
    m_hasChange = false;
}

std::optional<ProgressEstimator::Sample> ProgressEstimator::latest() const
{
    if (m_samples.empty())
        return std::nullopt;
    return m_samples.back();
}

void ProgressEstimator::addSample(qint64 msecs, qint64 done)
{
    auto it = std::lower_bound(m_samples.begin(), m_samples.end(), msecs,
                               [](const Sample &s, qint64 t) { return s.msecs < t; });
    if (it != m_samples.end() && it->msecs == msecs)
        it->done = done;
    else
        m_samples.insert(it, Sample { msecs, done });

    // A count lower than its predecessor's (the service restarted its counters): the history before it
    // is not comparable, keep the later history only.
    for (std::size_t i = 1; i < m_samples.size(); ++i) {
        if (m_samples[i].done < m_samples[i - 1].done) {
            m_samples.erase(m_samples.begin(), m_samples.begin() + static_cast<std::ptrdiff_t>(i));
            i = 0;
        }
    }

    // The last change is where the run of samples equal to the latest count begins. When that run covers
    // the whole (pruned) history, the change may be older than what is kept: remember it.
    const qint64 latestDone = m_samples.back().done;
    std::size_t first = m_samples.size() - 1;
    while (first > 0 && m_samples[first - 1].done == latestDone)
        --first;
    qint64 change = m_samples[first].msecs;
    if (first == 0 && m_hasChange && m_lastChangeDone == latestDone)
        change = std::min(change, m_lastChangeMsecs);
    m_lastChangeMsecs = change;
    m_lastChangeDone = latestDone;
    m_hasChange = true;
    prune();
}

void ProgressEstimator::addSamples(const std::vector<Sample> &samples)
{
    for (const Sample &s : samples)
        addSample(s.msecs, s.done);
}

void ProgressEstimator::prune()
{
    if (m_samples.size() < 2)
        return;
    // Keep one sample at or before the window's start as the anchor of the rate.
    const qint64 start = m_samples.back().msecs - m_windowMsecs;
    std::size_t anchor = 0;
    while (anchor + 1 < m_samples.size() && m_samples[anchor + 1].msecs <= start)
        ++anchor;
    if (m_samples.size() - anchor > static_cast<std::size_t>(kMaxSamples))
        anchor = m_samples.size() - kMaxSamples;
    if (anchor > 0)
        m_samples.erase(m_samples.begin(), m_samples.begin() + static_cast<std::ptrdiff_t>(anchor));
}

std::optional<double> ProgressEstimator::blobsPerMinute() const
{
    if (m_samples.size() < 2)
        return std::nullopt;
    const Sample &last = m_samples.back();
    const qint64 start = last.msecs - m_windowMsecs;
    // The anchor is the latest sample at or before the window's start, else the oldest one.
    const Sample *first = &m_samples.front();
    for (const Sample &s : m_samples) {
        if (s.msecs <= start)
            first = &s;
        else
            break;
    }
    const qint64 span = last.msecs - first->msecs;
    if (span <= 0)
        return std::nullopt;
    return static_cast<double>(last.done - first->done) * 60000.0 / static_cast<double>(span);
}

std::optional<qint64> ProgressEstimator::etaSeconds(qint64 pending, bool terminal) const
{
    if (terminal)
        return std::nullopt;
    if (pending <= 0)
        return 0;
    const std::optional<double> rate = blobsPerMinute();
    if (!rate || *rate <= 0.0)
        return std::nullopt;
    return static_cast<qint64>(static_cast<double>(pending) / *rate * 60.0 + 0.5);
}

std::optional<qint64> ProgressEstimator::lastChangeMsecs() const
{
    if (m_samples.empty())
        return std::nullopt;
    return m_lastChangeMsecs;
}

bool ProgressEstimator::isStalled(qint64 nowMsecs, qint64 thresholdMsecs, bool inProgress) const
{
    if (!inProgress || m_samples.empty() || thresholdMsecs <= 0)
        return false;
    return nowMsecs - m_lastChangeMsecs >= thresholdMsecs;
}

} // namespace iw
