#include "store/ArchiveCsvExporter.h"

#include "core/Redaction.h"
#include "core/RedactionPrefilter.h"
#include "store/ArchiveError.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <optional>

namespace iw {

namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QLatin1String boolText(bool b)
{
    return b ? QLatin1String("true") : QLatin1String("false");
}

// The cells of one row go to a QStringList (notificationRow() and friends) or straight into a CsvWriter's
// buffer (the export): one description of the row, two sinks. Text that may hold a secret is redacted (the
// prefilter skips the regular expressions for text that cannot).
struct ListSink
{
    QStringList cells;
    void text(const QString &s) { cells.append(s); }
    void secret(const QString &s) { cells.append(redactIfNeeded(s)); }
    void latin1(QLatin1String s) { cells.append(QString(s)); }
    void number(qint64 n) { cells.append(QString::number(n)); }
    void dateTime(const QDateTime &t) { cells.append(time(t)); }
};

struct WriterSink
{
    CsvWriter &csv;
    void text(const QString &s) { csv.addCell(QStringView(s)); }
    void secret(const QString &s)
    {
        if (mayHoldSecret(s))
            csv.addCell(QStringView(redact(s)));
        else
            csv.addCell(QStringView(s));
    }
    void latin1(QLatin1String s) { csv.addCell(s); }
    void number(qint64 n) { csv.addCell(n); }
    void dateTime(const QDateTime &t) { csv.addTimeCell(t); }
};

template<typename Sink>
void notificationCells(Sink &out, const NotificationRecord &r)
{
    const IngestionNotification &n = r.notification;
    const bool failure = n.kind == IngestionNotification::Kind::Failure;
    out.text(toString(n.kind));
    out.dateTime(r.eventTime);
    out.text(n.operationId);
    out.text(n.database);
    out.text(n.table);
    out.text(n.errorCode);
    out.text(failure ? toString(n.failureStatus) : QString());
    out.secret(n.details);
    out.text(n.ingestionSourceId);
    out.secret(n.ingestionSourcePath);
    out.text(n.rootActivityId);
    out.latin1(failure ? boolText(n.originatesFromUpdatePolicy) : QLatin1String());
    out.latin1(failure ? boolText(n.shouldRetry) : QLatin1String());
    out.text(n.queueName);
    out.text(n.messageId);
    out.dateTime(n.insertionTime);
    out.number(n.dequeueCount);
    out.dateTime(r.firstSeenOn);
    out.dateTime(r.lastSeenOn);
    out.dateTime(r.consumedOn);
    out.number(r.seenCount);
    out.secret(n.rawText);
    out.secret(n.parseError);
}

template<typename Sink>
void snapshotCells(Sink &out, const OperationSnapshot &s)
{
    const QueuedOperation &op = s.operation;
    out.text(op.ingestionOperationId);
    out.dateTime(s.observedOn);
    out.text(toString(op.state));
    out.number(op.discovered);
    out.number(op.pending);
    out.number(op.canceled);
    out.number(op.ingested);
    out.number(op.failed);
    out.dateTime(op.startedOn);
    out.dateTime(op.lastUpdatedOn);
    out.secret(op.sampleFailedReasons);
    out.text(op.database);
    out.text(op.table);
}

template<typename Sink>
void trackedOperationCells(Sink &out, const TrackedOperation &t)
{
    out.text(t.operationId);
    out.text(t.database);
    out.text(t.table);
    out.dateTime(t.addedOn);
    out.text(toString(t.source));
    out.dateTime(t.untrackedOn);
    if (t.lastSnapshot) {
        const QueuedOperation &op = t.lastSnapshot->operation;
        out.text(toString(op.state));
        out.number(op.discovered);
        out.number(op.pending);
        out.number(op.canceled);
        out.number(op.ingested);
        out.number(op.failed);
        out.dateTime(t.lastSnapshot->observedOn);
    } else {
        for (int i = 0; i < 7; ++i)
            out.latin1(QLatin1String());
    }
}

// Opens a QSaveFile for `path`, writes the header, lets `rows` stream through `write`, then commits.
// `rows` gets `write`, which takes a function filling one row through a WriterSink and returns false to stop.
template<typename Rows>
Result<qint64> exportTo(const QString &path, CsvWriter::Options options, const QStringList &header,
                        Rows &&rows)
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
        const auto write = [&](const auto &cells) {
            WriterSink sink { csv };
            cells(sink);
            Status s = csv.endRow();
            if (!s)
                writeError = s.error();
            return s.ok();
        };
        Result<qint64> n = writeError ? Result<qint64>(*writeError) : rows(write);
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
    ListSink sink;
    notificationCells(sink, r);
    return sink.cells;
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
    ListSink sink;
    snapshotCells(sink, s);
    return sink.cells;
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
    ListSink sink;
    trackedOperationCells(sink, t);
    return sink.cells;
}

Result<qint64> ArchiveCsvExporter::exportNotifications(Archive &archive, const NotificationQuery &query,
                                                       const QString &path, CsvWriter::Options options)
{
    return exportTo(path, options, notificationHeader(), [&](const auto &write) {
        return archive.forEachNotification(query, [&](const NotificationRecord &r) {
            return write([&](auto &out) { notificationCells(out, r); });
        });
    });
}

Result<qint64> ArchiveCsvExporter::exportSnapshots(Archive &archive, const SnapshotQuery &query,
                                                   const QString &path, CsvWriter::Options options)
{
    return exportTo(path, options, snapshotHeader(), [&](const auto &write) {
        return archive.forEachSnapshot(query, [&](const OperationSnapshot &s) {
            return write([&](auto &out) { snapshotCells(out, s); });
        });
    });
}

Result<qint64> ArchiveCsvExporter::exportTrackedOperations(Archive &archive,
                                                           const TrackedOperationQuery &query,
                                                           const QString &path, CsvWriter::Options options)
{
    return exportTo(path, options, trackedOperationHeader(), [&](const auto &write) {
        return archive.forEachTrackedOperation(query, [&](const TrackedOperation &t) {
            return write([&](auto &out) { trackedOperationCells(out, t); });
        });
    });
}

} // namespace iw
