#pragma once

#include <QRandomGenerator>

namespace iw {

// Misbehaviour on purpose, each at a rate in [0, 1]; all off by default. SimulatorServer reads the
// injector's config() on every request, so setConfig() switches faults on and off while it runs.
struct FaultConfig
{
    double throttleRate = 0; // 429 with Retry-After
    int retryAfterSeconds = 1;
    double serverErrorRate = 0; // 500 (OneApi body) or 503 (plain text)
    double dropRate = 0; // connection closed without an answer (the command is not run)
    double dropAfterRate = 0; // the command is run, then the connection is closed without an answer
    double truncateRate = 0; // Content-Length promises more than is sent
    double malformedRate = 0; // 200 with a body that is not JSON
    int latencyMs = 0; // added to every answer
    quint32 seed = 1;

    bool any() const
    {
        return throttleRate > 0 || serverErrorRate > 0 || dropRate > 0 || dropAfterRate > 0
            || truncateRate > 0 || malformedRate > 0;
    }
};

class FaultInjector
{
public:
    enum class Fault { None, Throttle, ServerError, Drop, DropAfter, Truncate, Malformed };

    explicit FaultInjector(FaultConfig c = {}) : m_config(c), m_rng(c.seed) { }
    const FaultConfig &config() const { return m_config; }
    void setConfig(FaultConfig c)
    {
        m_config = c;
        m_rng.seed(c.seed);
    }

    // One draw per request; the rates are cumulative slices of [0, 1).
    Fault next()
    {
        if (!m_config.any())
            return Fault::None;
        double r = m_rng.generateDouble();
        const std::pair<double, Fault> slices[]
            = { { m_config.throttleRate, Fault::Throttle }, { m_config.serverErrorRate, Fault::ServerError },
                { m_config.dropRate, Fault::Drop },         { m_config.dropAfterRate, Fault::DropAfter },
                { m_config.truncateRate, Fault::Truncate }, { m_config.malformedRate, Fault::Malformed } };
        for (const auto &s : slices) {
            if (r < s.first)
                return s.second;
            r -= s.first;
        }
        return Fault::None;
    }
    bool coin() { return m_rng.generateDouble() < 0.5; }

private:
    FaultConfig m_config;
    QRandomGenerator m_rng;
};

} // namespace iw
