#include "core/DateTimeText.h"

#include <QRegularExpression>

#include <cmath>

namespace iw {

namespace {

const QRegularExpression &isoPattern()
{
    static const QRegularExpression re = [] {
        QRegularExpression r(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})"
                                            "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                                            "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$"),
                             QRegularExpression::CaseInsensitiveOption);
        r.optimize();
        return r;
    }();
    return re;
}

} // namespace

std::optional<QDateTime> parseDateTimeText(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return std::nullopt;
    const QRegularExpressionMatch m = isoPattern().match(t);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    int ms = 0;
    const QStringView frac = m.capturedView(7);
    if (!frac.isEmpty()) {
        // Keep milliseconds: "1147331" -> 114, "5" -> 500.
        QString digits = frac.left(3).toString();
        while (digits.size() < 3)
            digits += QLatin1Char('0');
        ms = digits.toInt();
    }
    QTime time(0, 0);
    if (m.capturedLength(4) > 0) {
        time = QTime(m.capturedView(4).toInt(), m.capturedView(5).toInt(),
                     m.capturedLength(6) > 0 ? m.capturedView(6).toInt() : 0, ms);
        if (!time.isValid())
            return std::nullopt;
    }
    QDateTime dt(date, time, Qt::UTC);
    const QStringView zone = m.capturedView(8);
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        const int sign = zone.front() == QLatin1Char('-') ? -1 : 1;
        const int hh = zone.mid(1, 2).toInt();
        const QStringView rest = zone.mid(3);
        const int mm = rest.isEmpty() ? 0 : rest.right(2).toInt();
        if (hh > 23 || mm > 59)
            return std::nullopt;
        dt = dt.addSecs(-sign * (hh * 3600 + mm * 60));
    }
    return dt;
}

std::optional<QDateTime> dateTimeFromEpochNumber(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    // Up to 1e11 seconds is year 5138; anything larger is taken as milliseconds.
    const double ms = std::fabs(value) < 1e11 ? value * 1000.0 : value;
    // QDateTime covers far more, but a report time outside years 1..9999 is nonsense.
    constexpr double kMax = 253402300799999.0; // 9999-12-31T23:59:59.999Z
    constexpr double kMin = -62135596800000.0; // 0001-01-01T00:00:00Z
    if (ms > kMax || ms < kMin)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(ms)), Qt::UTC);
}

QString toDateTimeText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("0000Z");
}

} // namespace iw
