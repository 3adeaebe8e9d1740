#include "cli/CliFormat.h"

#include "core/DateTimeText.h"
#include "core/Redaction.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>

namespace iw {

namespace {

QString timeText(const QDateTime &t)
{
    return toDateTimeText(t);
}

QString count(qint64 n)
{
    return QString::number(n);
}

QString percentText(const std::optional<double> &p)
{
    return p ? QString::number(*p, 'f', 1) + QLatin1Char('%') : QStringLiteral("-");
}

} // namespace

QString CliFormat::operationId(QStringView text)
{
    QString t = text.trimmed().toString();
    // The service's shape `<token>;<token>;<guid>` (kept as typed: the id is opaque), or a bare GUID,
    // optionally in braces (lower case, no braces).
    static const QRegularExpression guid(
        QStringLiteral("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"));
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    const QStringList parts = t.split(QLatin1Char(';'));
    if (parts.size() == 3)
        return token.match(parts.at(0)).hasMatch() && token.match(parts.at(1)).hasMatch()
                && guid.match(parts.at(2)).hasMatch()
            ? t
            : QString();
    if (t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')))
        t = t.mid(1, t.size() - 2);
    return guid.match(t).hasMatch() ? t.toLower() : QString();
}

std::optional<QDateTime> CliFormat::parseSince(QStringView text, const QDateTime &now)
{
    static const QRegularExpression age(QStringLiteral("^(\\d{1,9})([smhd])$"));
    const QString t = text.trimmed().toString();
    const QRegularExpressionMatch m = age.match(t);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 secs = unit == QLatin1Char('s') ? n
            : unit == QLatin1Char('m')               ? n * 60
            : unit == QLatin1Char('h')               ? n * 3600
                                                     : n * 86400;
        return now.toUTC().addSecs(-secs);
    }
    return parseDateTimeText(t);
}

std::optional<double> CliFormat::percentDone(const QueuedOperation &op)
{
    if (op.discovered <= 0)
        return std::nullopt;
    return std::clamp(100.0 * double(op.done()) / double(op.discovered), 0.0, 100.0);
}

QString CliFormat::durationText(qint64 s)
{
    if (s < 0)
        s = 0;
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400)
        return QStringLiteral("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d %2h").arg(s / 86400).arg((s % 86400) / 3600, 2, 10, QLatin1Char('0'));
}

QJsonObject CliFormat::operationJson(const CliOperationRow &row)
{
    const QueuedOperation &op = row.operation;
    QJsonObject o;
    o.insert(QStringLiteral("IngestionOperationId"), op.ingestionOperationId);
    if (!row.known) {
        o.insert(QStringLiteral("State"), QJsonValue::Null);
        o.insert(QStringLiteral("Known"), false);
        return o;
    }
    o.insert(QStringLiteral("StartedOn"), timeText(op.startedOn));
    o.insert(QStringLiteral("LastUpdatedOn"), timeText(op.lastUpdatedOn));
    o.insert(QStringLiteral("State"), toString(op.state));
    o.insert(QStringLiteral("Discovered"), double(op.discovered));
    o.insert(QStringLiteral("Pending"), double(op.pending));
    o.insert(QStringLiteral("Canceled"), double(op.canceled));
    o.insert(QStringLiteral("Ingested"), double(op.ingested));
    o.insert(QStringLiteral("Failed"), double(op.failed));
    o.insert(QStringLiteral("SampleFailedReasons"), redact(op.sampleFailedReasons));
    o.insert(QStringLiteral("Database"), op.database);
    o.insert(QStringLiteral("Table"), op.table);
    const auto pct = percentDone(op);
    o.insert(QStringLiteral("PercentDone"), pct ? QJsonValue(*pct) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("BlobsPerMinute"),
             row.blobsPerMinute ? QJsonValue(*row.blobsPerMinute) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("EtaSeconds"),
             row.etaSeconds ? QJsonValue(double(*row.etaSeconds)) : QJsonValue(QJsonValue::Null));
    return o;
}

QStringList CliFormat::operationTable(const QList<CliOperationRow> &rows)
{
    QList<QStringList> cells;
    cells << QStringList { QStringLiteral("IngestionOperationId"),
                           QStringLiteral("State"),
                           QStringLiteral("Database.Table"),
                           QStringLiteral("Discovered"),
                           QStringLiteral("Pending"),
                           QStringLiteral("Ingested"),
                           QStringLiteral("Failed"),
                           QStringLiteral("Canceled"),
                           QStringLiteral("Done"),
                           QStringLiteral("Blobs/min"),
                           QStringLiteral("ETA") };
    for (const CliOperationRow &r : rows) {
        const QueuedOperation &op = r.operation;
        if (!r.known) {
            cells << QStringList { op.ingestionOperationId, QStringLiteral("(unknown)") };
            continue;
        }
        cells << QStringList {
            op.ingestionOperationId,
            toString(op.state),
            op.database + QLatin1Char('.') + op.table,
            count(op.discovered),
            count(op.pending),
            count(op.ingested),
            count(op.failed),
            count(op.canceled),
            percentText(percentDone(op)),
            r.blobsPerMinute ? QString::number(*r.blobsPerMinute, 'f', 1) : QStringLiteral("-"),
            r.etaSeconds && !isTerminal(op.state) ? durationText(*r.etaSeconds) : QStringLiteral("-")
        };
    }
    return alignColumns(cells);
}

QString CliFormat::operationLine(const CliOperationRow &r)
{
    const QueuedOperation &op = r.operation;
    if (!r.known)
        return op.ingestionOperationId + QStringLiteral(" (unknown)");
    QString line = QStringLiteral("%1 %2 %3.%4 %5 Discovered=%6 Pending=%7 Ingested=%8 Failed=%9")
                       .arg(op.ingestionOperationId, toString(op.state), op.database, op.table,
                            percentText(percentDone(op)))
                       .arg(op.discovered)
                       .arg(op.pending)
                       .arg(op.ingested)
                       .arg(op.failed);
    line += QStringLiteral(" Canceled=%1").arg(op.canceled);
    if (r.etaSeconds && !isTerminal(op.state))
        line += QStringLiteral(" ETA=") + durationText(*r.etaSeconds);
    return line;
}

QStringList CliFormat::statusHeader()
{
    return { QStringLiteral("Status"),
             QStringLiteral("IngestionSourceId"),
             QStringLiteral("IngestionSourcePath"),
             QStringLiteral("Database"),
             QStringLiteral("Table"),
             QStringLiteral("UpdatedOn"),
             QStringLiteral("OperationId"),
             QStringLiteral("ActivityId"),
             QStringLiteral("ErrorCode"),
             QStringLiteral("FailureStatus"),
             QStringLiteral("Details"),
             QStringLiteral("OriginatesFromUpdatePolicy") };
}

QStringList CliFormat::statusCells(const IngestionStatus &s)
{
    return { toString(s.status),
             s.ingestionSourceId,
             redact(s.ingestionSourcePath),
             s.database,
             s.table,
             timeText(s.updatedOn),
             s.operationId,
             s.activityId,
             s.errorCode,
             toString(s.failureStatus),
             redact(s.details),
             s.originatesFromUpdatePolicy ? QStringLiteral("true") : QStringLiteral("false") };
}

QJsonObject CliFormat::statusJson(const IngestionStatus &s)
{
    const QStringList names = statusHeader();
    const QStringList cells = statusCells(s);
    QJsonObject o;
    for (qsizetype i = 0; i < names.size(); ++i)
        o.insert(names.at(i), cells.at(i));
    o.insert(QStringLiteral("OriginatesFromUpdatePolicy"), s.originatesFromUpdatePolicy);
    return o;
}

QStringList CliFormat::statusTable(const QList<IngestionStatus> &rows)
{
    QList<QStringList> cells;
    cells << QStringList { QStringLiteral("UpdatedOn"),      QStringLiteral("Status"),
                           QStringLiteral("Database.Table"), QStringLiteral("ErrorCode"),
                           QStringLiteral("FailureStatus"),  QStringLiteral("IngestionSourcePath") };
    for (const IngestionStatus &s : rows)
        cells << QStringList { timeText(s.updatedOn),
                               toString(s.status),
                               s.database + QLatin1Char('.') + s.table,
                               s.errorCode.isEmpty() ? QStringLiteral("-") : s.errorCode,
                               s.status == OperationStatus::Failed ? toString(s.failureStatus)
                                                                   : QStringLiteral("-"),
                               redact(s.ingestionSourcePath) };
    return alignColumns(cells);
}

QStringList CliFormat::notificationTable(const QList<IngestionNotification> &rows)
{
    QList<QStringList> cells;
    cells << QStringList { QStringLiteral("FailedOn"),    QStringLiteral("Database.Table"),
                           QStringLiteral("ErrorCode"),   QStringLiteral("FailureStatus"),
                           QStringLiteral("OperationId"), QStringLiteral("IngestionSourcePath") };
    for (const IngestionNotification &n : rows) {
        if (n.kind == IngestionNotification::Kind::Malformed) {
            cells << QStringList { timeText(n.insertionTime), QStringLiteral("(malformed message)"),
                                   QStringLiteral("-"),       QStringLiteral("-"),
                                   QStringLiteral("-"),       redact(n.parseError) };
            continue;
        }
        cells << QStringList { timeText(n.failedOn), n.database + QLatin1Char('.') + n.table,
                               n.errorCode,          toString(n.failureStatus),
                               n.operationId,        redact(n.ingestionSourcePath) };
    }
    return alignColumns(cells);
}

QStringList CliFormat::alignColumns(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &r : rows)
        for (qsizetype c = 0; c < r.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            widths[c] = std::max(widths[c], r.at(c).size());
        }
    QStringList out;
    out.reserve(rows.size());
    for (const QStringList &r : rows) {
        QString line;
        for (qsizetype c = 0; c < r.size(); ++c) {
            if (c + 1 < r.size())
                line += r.at(c).leftJustified(widths.at(c)) + QStringLiteral("  ");
            else
                line += r.at(c);
        }
        out << line;
    }
    return out;
}

} // namespace iw
