#pragma once

#include "core/IngestionNotification.h"
#include "core/IngestionStatus.h"
#include "core/QueuedOperation.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace iw {

// One operation as the command line shows it: the service's row plus what the model estimates.
struct CliOperationRow
{
    QueuedOperation operation;
    std::optional<double> blobsPerMinute;
    std::optional<qint64> etaSeconds;
    bool known = true; // false: tracked, but the service returned no row for it (and none is archived)
};

// Text and JSON of the command line (pure: no I/O). Field names are the service's; blob URLs and details
// are redacted (SAS signatures) in every form.
class CliFormat
{
public:
    // A queued ingestion operation id: `<token>;<token>;<guid>` as the service writes them (returned as
    // typed), or a bare GUID (returned lower case without braces); empty when `text` is neither.
    static QString operationId(QStringView text);
    // ISO 8601 (see parseDateTimeText), or an age before `now`: 90s, 15m, 2h, 7d. nullopt when neither.
    static std::optional<QDateTime> parseSince(QStringView text, const QDateTime &now);
    // (Ingested + Failed + Canceled) / Discovered, in percent; nullopt while nothing is discovered.
    static std::optional<double> percentDone(const QueuedOperation &op);
    static QString durationText(qint64 seconds); // 45s, 12m 05s, 3h 04m, 2d 03h

    static QJsonObject operationJson(const CliOperationRow &row);
    // An aligned table, header first: id, state, database.table, counts, percent, throughput, ETA.
    static QStringList operationTable(const QList<CliOperationRow> &rows);
    // One line for a log or a pipe: `<id> <State> <pct> Discovered=.. Pending=.. ... ETA ..`.
    static QString operationLine(const CliOperationRow &row);

    static QStringList statusHeader(); // the twelve IngestionStatus fields, as the window's CSV export
    static QStringList statusCells(const IngestionStatus &s); // redacted
    static QJsonObject statusJson(const IngestionStatus &s); // redacted
    static QStringList statusTable(const QList<IngestionStatus> &rows);

    static QStringList notificationTable(const QList<IngestionNotification> &rows);

    // Pads every column but the last to its widest cell, two spaces apart.
    static QStringList alignColumns(const QList<QStringList> &rows);
};

} // namespace iw
