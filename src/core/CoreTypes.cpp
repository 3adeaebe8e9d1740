#include "core/IngestionNotification.h"
#include "core/IngestionStatus.h"
#include "core/QueuedOperation.h"

#include <array>

namespace iw {

namespace {

template<typename E, std::size_t N>
std::optional<E> enumFromString(QStringView s, const std::array<const char *, N> &names)
{
    const QStringView t = s.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    for (std::size_t i = 0; i < N; ++i) {
        if (t.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0)
            return static_cast<E>(i);
    }
    bool isNumber = false;
    const int n = t.toInt(&isNumber);
    if (isNumber && n >= 0 && static_cast<std::size_t>(n) < N)
        return static_cast<E>(n);
    return std::nullopt;
}

constexpr std::array<const char *, 6> kOperationStatusNames { "Pending", "Succeeded", "Failed",
                                                              "Queued",  "Skipped",   "PartiallySucceeded" };
constexpr std::array<const char *, 4> kFailureStatusNames { "Unknown", "Permanent", "Transient",
                                                            "Exhausted" };
constexpr std::array<const char *, 4> kOperationStateNames { "InProgress", "Completed", "Failed",
                                                             "Canceled" };

} // namespace

QString toString(OperationStatus s)
{
    return QLatin1String(kOperationStatusNames[static_cast<std::size_t>(s)]);
}
std::optional<OperationStatus> operationStatusFromString(QStringView s)
{
    return enumFromString<OperationStatus>(s, kOperationStatusNames);
}

QString toString(FailureStatus s)
{
    return QLatin1String(kFailureStatusNames[static_cast<std::size_t>(s)]);
}
std::optional<FailureStatus> failureStatusFromString(QStringView s)
{
    return enumFromString<FailureStatus>(s, kFailureStatusNames);
}

QString toString(OperationState s)
{
    return QLatin1String(kOperationStateNames[static_cast<std::size_t>(s)]);
}
std::optional<OperationState> operationStateFromString(QStringView s)
{
    if (s.trimmed().compare(QLatin1String("Cancelled"), Qt::CaseInsensitive) == 0)
        return OperationState::Canceled;
    // Numbers are not a documented encoding of State: accept names only.
    bool isNumber = false;
    (void)s.trimmed().toInt(&isNumber);
    if (isNumber)
        return std::nullopt;
    return enumFromString<OperationState>(s, kOperationStateNames);
}

QString toString(IngestionNotification::Kind k)
{
    switch (k) {
    case IngestionNotification::Kind::Failure:
        return QStringLiteral("Failure");
    case IngestionNotification::Kind::Success:
        return QStringLiteral("Success");
    case IngestionNotification::Kind::Malformed:
        return QStringLiteral("Malformed");
    }
    return {};
}

QString IngestionNotification::dedupKey() const
{
    if (!messageId.isEmpty())
        return QStringLiteral("msg:") + messageId;
    const QDateTime t = when();
    return QStringLiteral("op:") + operationId + QLatin1Char('|') + ingestionSourceId + QLatin1Char('|')
        + (t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString())
        + (kind == Kind::Malformed ? QStringLiteral("|raw:") + rawText : QString());
}

} // namespace iw
