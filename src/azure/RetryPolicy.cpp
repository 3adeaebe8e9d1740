#include "azure/RetryPolicy.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace iw {

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    if (httpStatus == 408 || httpStatus == 429)
        return true;
    if (httpStatus >= 500 && httpStatus <= 599)
        return httpStatus != 501 && httpStatus != 505;
    return false;
}

std::optional<RetryPolicy::ms> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = v.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || seconds < 0)
            return std::nullopt;
        return ms(static_cast<qint64>(std::min(seconds, 86400.0) * 1000.0));
    }
    // HTTP date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when
        = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    const qint64 delta = nowUtc.msecsTo(when);
    return ms(std::max<qint64>(0, delta));
}

RetryPolicy::ms RetryPolicy::backoff(int nextAttempt, double unitRandom) const
{
    const int exponent = std::clamp(nextAttempt - 2, 0, 30);
    const double raw = std::min(static_cast<double>(maxDelay.count()),
                                static_cast<double>(baseDelay.count()) * std::pow(2.0, exponent));
    const double j = std::clamp(jitter, 0.0, 1.0);
    const double factor = 1.0 - j + 2.0 * j * std::clamp(unitRandom, 0.0, 1.0);
    return ms(static_cast<qint64>(std::max(0.0, raw * factor)));
}

std::optional<RetryPolicy::ms> RetryPolicy::nextDelay(int attemptsDone, ms elapsed, int httpStatus,
                                                      bool transportError, std::optional<ms> retryAfter,
                                                      double unitRandom) const
{
    if (attemptsDone >= maxAttempts)
        return std::nullopt;
    if (!transportError && !isRetryableStatus(httpStatus))
        return std::nullopt;
    if (!retryWhenMaybeRun && (transportError || (httpStatus != 429 && httpStatus != 503)))
        return std::nullopt;
    ms wait = backoff(attemptsDone + 1, unitRandom);
    if (retryAfter && (httpStatus == 429 || httpStatus == 503)) {
        if (*retryAfter > maxRetryAfter)
            return std::nullopt;
        wait = std::max(wait, *retryAfter);
    }
    if (elapsed + wait >= maxTotal)
        return std::nullopt;
    return wait;
}

} // namespace iw
