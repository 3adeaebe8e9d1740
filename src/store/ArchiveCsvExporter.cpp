#include "store/ArchiveCsvExporter.h"

#include "core/Redaction.h"
#include "store/ArchiveError.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <functional>
#include <optional>

namespace iw {

namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QString clean(const QString &s)
{
    return s.isEmpty() ? s : redact(s);
}

// Opens a QSaveFile for `path`, writes the header, lets `rows` stream through `write`, then commits.
Result<qint64>
exportTo(const QString &path, CsvWriter::Options options, const QStringList &header,
         const std::function<Result<qint64>(const std::function<bool(const QStringList &)> &)> &rows)
{
    if (path.isEmpty())
        return Error::make(Error::Kind::Usage, QStringLiteral("No file name for the export"));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return ArchiveError::make(
            ArchiveError::CannotOpen,
            QStringLiteral("Cannot create the folder %1").arg(QFileInfo(path).absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(Error::Kind::Io,
                           QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    std::optional<Error> writeError;
    {
        CsvWriter csv(&file, options);
        if (Status s = csv.writeHeader(header); !s)
            writeError = s.error();
        Result<qint64> n = writeError ? Result<qint64>(*writeError) : rows([&](const QStringList &cells) {
            Status s = csv.writeRow(cells);
            if (!s)
                writeError = s.error();
            return s.ok();
        });
        if (!writeError && !n)
            writeError = n.error();
        if (!writeError) {
            if (Status s = csv.flush(); !s)
                writeError = s.error();
        }
        if (writeError) {
            file.cancelWriting();
            return *writeError;
        }
        if (!file.commit())
            return Error::make(Error::Kind::Io,
                               QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        return n;
    }
}

} // namespace

QStringList ArchiveCsvExporter::notificationHeader()
{
    return { QStringLiteral("Kind"),
             QStringLiteral("Time"),
             QStringLiteral("OperationId"),
             QStringLiteral("Database"),
             QStringLiteral("Table"),
             QStringLiteral("ErrorCode"),
             QStringLiteral("FailureStatus"),
             QStringLiteral("Details"),
             QStringLiteral("IngestionSourceId"),
             QStringLiteral("IngestionSourcePath"),
             QStringLiteral("RootActivityId"),
             QStringLiteral("OriginatesFromUpdatePolicy"),
             QStringLiteral("ShouldRetry"),
             QStringLiteral("QueueName"),
             QStringLiteral("MessageId"),
             QStringLiteral("InsertionTime"),
             QStringLiteral("DequeueCount"),
             QStringLiteral("FirstSeenOn"),
             QStringLiteral("LastSeenOn"),
             QStringLiteral("ConsumedOn"),
             QStringLiteral("SeenCount"),
             QStringLiteral("RawText"),
             QStringLiteral("ParseError") };
}

QStringList ArchiveCsvExporter::notificationRow(const NotificationRecord &r)
{
    const IngestionNotification &n = r.notification;
    const bool failure = n.kind == IngestionNotification::Kind::Failure;
    return { toString(n.kind),
             time(r.eventTime),
             n.operationId,
             n.database,
             n.table,
             n.errorCode,
             failure ? toString(n.failureStatus) : QString(),
             clean(n.details),
             n.ingestionSourceId,
             clean(n.ingestionSourcePath),
             n.rootActivityId,
             failure ? boolText(n.originatesFromUpdatePolicy) : QString(),
             failure ? boolText(n.shouldRetry) : QString(),
             n.queueName,
             n.messageId,
             time(n.insertionTime),
             QString::number(n.dequeueCount),
             time(r.firstSeenOn),
             time(r.lastSeenOn),
             time(r.consumedOn),
             QString::number(r.seenCount),
             clean(n.rawText),
             clean(n.parseError) };
}

QStringList ArchiveCsvExporter::snapshotHeader()
{
    return { QStringLiteral("IngestionOperationId"),
             QStringLiteral("ObservedOn"),
             QStringLiteral("State"),
             QStringLiteral("Discovered"),
             QStringLiteral("Pending"),
             QStringLiteral("Canceled"),
             QStringLiteral("Ingested"),
             QStringLiteral("Failed"),
             QStringLiteral("StartedOn"),
             QStringLiteral("LastUpdatedOn"),
             QStringLiteral("SampleFailedReasons"),
             QStringLiteral("Database"),
             QStringLiteral("Table") };
}

QStringList ArchiveCsvExporter::snapshotRow(const OperationSnapshot &s)
{
    const QueuedOperation &op = s.operation;
    return { op.ingestionOperationId,
             time(s.observedOn),
             toString(op.state),
             QString::number(op.discovered),
             QString::number(op.pending),
             QString::number(op.canceled),
             QString::number(op.ingested),
             QString::number(op.failed),
             time(op.startedOn),
             time(op.lastUpdatedOn),
             clean(op.sampleFailedReasons),
             op.database,
             op.table };
}

QStringList ArchiveCsvExporter::trackedOperationHeader()
{
    return { QStringLiteral("IngestionOperationId"),
             QStringLiteral("Database"),
             QStringLiteral("Table"),
             QStringLiteral("AddedOn"),
             QStringLiteral("AddedBy"),
             QStringLiteral("UntrackedOn"),
             QStringLiteral("State"),
             QStringLiteral("Discovered"),
             QStringLiteral("Pending"),
             QStringLiteral("Canceled"),
             QStringLiteral("Ingested"),
             QStringLiteral("Failed"),
             QStringLiteral("LastObservedOn") };
}

QStringList ArchiveCsvExporter::trackedOperationRow(const TrackedOperation &t)
{
    QStringList row { t.operationId,   t.database,         t.table,
                      time(t.addedOn), toString(t.source), time(t.untrackedOn) };
    if (t.lastSnapshot) {
        const QueuedOperation &op = t.lastSnapshot->operation;
        row << toString(op.state) << QString::number(op.discovered) << QString::number(op.pending)
            << QString::number(op.canceled) << QString::number(op.ingested) << QString::number(op.failed)
            << time(t.lastSnapshot->observedOn);
    } else {
        for (int i = 0; i < 7; ++i)
            row << QString();
    }
    return row;
}

Result<qint64> ArchiveCsvExporter::exportNotifications(Archive &archive, const NotificationQuery &query,
                                                       const QString &path, CsvWriter::Options options)
{
    return exportTo(path, options, notificationHeader(), [&](const auto &write) {
        return archive.forEachNotification(
            query, [&](const NotificationRecord &r) { return write(notificationRow(r)); });
    });
}

Result<qint64> ArchiveCsvExporter::exportSnapshots(Archive &archive, const SnapshotQuery &query,
                                                   const QString &path, CsvWriter::Options options)
{
    return exportTo(path, options, snapshotHeader(), [&](const auto &write) {
        return archive.forEachSnapshot(query,
                                       [&](const OperationSnapshot &s) { return write(snapshotRow(s)); });
    });
}

Result<qint64> ArchiveCsvExporter::exportTrackedOperations(Archive &archive,
                                                           const TrackedOperationQuery &query,
                                                           const QString &path, CsvWriter::Options options)
{
    return exportTo(path, options, trackedOperationHeader(), [&](const auto &write) {
        return archive.forEachTrackedOperation(
            query, [&](const TrackedOperation &t) { return write(trackedOperationRow(t)); });
    });
}

} // namespace iw
