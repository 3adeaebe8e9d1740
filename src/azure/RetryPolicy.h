#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace iw {

// When and how long to wait before trying a request again. Pure logic (no timers, no network), so it is
// unit-tested on its own; HttpPipeline applies it.
//
// - Retries only where retrying can help: network errors, timeouts, 408, 429 and 5xx (except 501 and
//   505). Never 400/401/403/404/409/412 or any other 4xx.
// - Exponential backoff with full-range jitter: delay(n) = min(maxDelay, baseDelay * 2^(n-1)) scaled by
//   a random factor in [1 - jitter, 1 + jitter].
// - Retry-After (seconds or an HTTP date) is honoured on 429 and 503, capped at maxRetryAfter.
// - Bounded twice: at most maxAttempts attempts in total, and no retry whose wait would end after
//   maxTotal since the first attempt started.
struct RetryPolicy
{
    using ms = std::chrono::milliseconds;

    int maxAttempts = 4; // attempts in total, the first one included (1 = never retry)
    ms baseDelay { 250 };
    ms maxDelay { 8000 };
    ms maxTotal { 60000 }; // total time budget across attempts and waits
    ms maxRetryAfter { 30000 }; // a longer Retry-After gives up instead of waiting
    double jitter = 0.5; // 0 = none, 0.5 = +-50 %
    // false for requests that change state (a cancel): retry only answers that say the request was not run
    // (429, 503), never a lost answer (network error, timeout, cut-short body) or another 5xx, after which
    // the request may have been run and would be run twice.
    bool retryWhenMaybeRun = true;

    // A policy that never retries (each request is tried exactly once).
    static RetryPolicy none()
    {
        RetryPolicy p;
        p.maxAttempts = 1;
        return p;
    }

    // Whether an HTTP status is worth retrying at all.
    static bool isRetryableStatus(int httpStatus);

    // Parses a Retry-After header value: delta seconds ("5") or an HTTP date. nullopt when absent/bad.
    static std::optional<ms> parseRetryAfter(const QByteArray &value,
                                             const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());

    // The backoff before attempt number `nextAttempt` (2 = the first retry). `unitRandom` in [0, 1).
    ms backoff(int nextAttempt, double unitRandom) const;

    // The decision after a failed attempt. `attemptsDone` >= 1; `elapsed` since the first attempt
    // started; `httpStatus` 0 for network errors/timeouts (retryable); `retryAfter` from the response.
    // Returns the wait before the next attempt, or nullopt to stop and report the error.
    std::optional<ms> nextDelay(int attemptsDone, ms elapsed, int httpStatus, bool transportError,
                                std::optional<ms> retryAfter, double unitRandom) const;
};

} // namespace iw
