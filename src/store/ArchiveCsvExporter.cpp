#include "store/ArchiveCsvExporter.h"

#include "core/Redaction.h"
#include "core/RedactionPrefilter.h"
#include "store/ArchiveError.h"
#include "store/SqlArchive.h"
#include "store/SqliteFastReader.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <array>
#include <cstring>
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

// ---- The sqlite3 path: a notification row from SqliteFastReader columns (SqlArchive::NotificationColumn),
// written cell by cell exactly as notificationCells() writes the NotificationRecord that
// SqlArchive::forEachNotification() would build from the same row. A column holding what the schema says
// (TEXT in ASCII, INTEGER, NULL) takes the fast way; anything else goes through the QVariant QSQLITE would
// give, converted the way forEachNotification converts it.

// forEachNotification's conversions of a QSQLITE value.
QDateTime timeFromValue(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

IngestionNotification::Kind kindFromText(const QString &s)
{
    using K = IngestionNotification::Kind;
    for (K k : { K::Failure, K::Success, K::Malformed }) {
        if (s == toString(k))
            return k;
    }
    return K::Malformed;
}

// A column's text mapped through `convert` (QString -> T), remembering the few distinct ASCII values
// (enum names: a kind, a failure status).
template<typename T>
class TextMap
{
public:
    template<typename Convert>
    T get(const SqliteFastReader &r, int column, Convert &&convert)
    {
        if (r.type(column) != SqliteFastReader::Text)
            return convert(r.value(column).toString());
        const SqliteFastReader::Bytes b = r.utf8(column);
        for (int i = 0; i < m_used; ++i) {
            const Entry &e = m_entries[std::size_t(i)];
            if (e.key.size() == b.size && std::memcmp(e.key.constData(), b.data, std::size_t(b.size)) == 0)
                return e.value;
        }
        // Copied first: asking SQLite for the UTF-16 text converts the value and frees the UTF-8 bytes b
        // points to (sqlite3_column_text16 after sqlite3_column_text; found by ASan).
        QByteArray key(b.data, b.size);
        T value = convert(r.utf16(column).toString());
        if (m_used < int(m_entries.size()))
            m_entries[std::size_t(m_used++)] = Entry { std::move(key), value };
        return value;
    }

private:
    struct Entry
    {
        QByteArray key; // UTF-8, as stored
        T value;
    };
    std::array<Entry, 8> m_entries {};
    int m_used = 0;
};

// The few distinct values of the enum columns, kept across rows.
struct EnumColumns
{
    TextMap<IngestionNotification::Kind> kinds;
    TextMap<QString> statuses;
};

struct FastNotificationRow
{
    CsvWriter &csv;
    const SqliteFastReader &r;
    EnumColumns &enums;

    void empty() { csv.addCell(QLatin1String()); }

    void text(int c)
    {
        switch (r.type(c)) {
        case SqliteFastReader::Null:
            empty();
            return;
        case SqliteFastReader::Text: {
            const SqliteFastReader::Bytes b = r.utf8(c);
            if (!csv.addAsciiCell(b.data, b.size))
                csv.addCell(r.utf16(c)); // SQLite's UTF-16, as QSQLITE reads it
            return;
        }
        default: {
            const QString s = r.value(c).toString();
            csv.addCell(QStringView(s));
        }
        }
    }

    void secretText(const QString &s)
    {
        if (mayHoldSecret(s))
            csv.addCell(QStringView(redact(s)));
        else
            csv.addCell(QStringView(s));
    }

    void secret(int c)
    {
        switch (r.type(c)) {
        case SqliteFastReader::Null:
            empty();
            return;
        case SqliteFastReader::Text: {
            // Any byte outside ASCII counts as a trigger: what passes is ASCII, with the same hints as
            // the UTF-16 text would have.
            const SqliteFastReader::Bytes b = r.utf8(c);
            if (!mayHoldSecret(secretHints(b.data, b.size)) && csv.addAsciiCell(b.data, b.size))
                return;
            secretText(r.utf16(c).toString());
            return;
        }
        default:
            secretText(r.value(c).toString());
        }
    }

    void time(int c)
    {
        switch (r.type(c)) {
        case SqliteFastReader::Integer:
            csv.addEpochMsCell(r.int64(c));
            return;
        case SqliteFastReader::Null:
            empty();
            return;
        default:
            csv.addTimeCell(timeFromValue(r.value(c)));
        }
    }

    // QVariant::toInt() of the column
    int integer(int c)
    {
        if (r.type(c) == SqliteFastReader::Integer) {
            const qint64 v = r.int64(c);
            if (v == qint64(int(v)))
                return int(v);
        }
        return r.value(c).toInt();
    }

    void write()
    {
        using A = SqlArchive;
        using K = IngestionNotification::Kind;
        const K kind = enums.kinds.get(r, A::NcKind, kindFromText);
        const bool failure = kind == K::Failure;
        csv.addCell(QStringView(toString(kind)));
        time(A::NcEventTime);
        text(A::NcOperationId);
        text(A::NcDatabase);
        text(A::NcTable);
        text(A::NcErrorCode);
        if (failure)
            csv.addCell(QStringView(enums.statuses.get(r, A::NcFailureStatus, [](const QString &s) {
                return toString(failureStatusFromString(s).value_or(FailureStatus::Unknown));
            })));
        else
            empty();
        secret(A::NcDetails);
        text(A::NcIngestionSourceId);
        secret(A::NcIngestionSourcePath);
        text(A::NcRootActivityId);
        if (failure) {
            csv.addCell(boolText(integer(A::NcOriginatesFromUpdatePolicy) != 0));
            csv.addCell(boolText(integer(A::NcShouldRetry) != 0));
        } else {
            empty();
            empty();
        }
        text(A::NcQueueName);
        text(A::NcMessageId);
        time(A::NcInsertionTime);
        csv.addCell(qint64(integer(A::NcDequeueCount)));
        time(A::NcFirstSeenOn);
        time(A::NcLastSeenOn);
        time(A::NcConsumedOn);
        csv.addCell(qint64(integer(A::NcSeenCount)));
        secret(A::NcRawText);
        secret(A::NcParseError);
    }
};

// The sqlite3 reader positioned on the first row of the query (or past the end), or an error: the archive
// is not a SQLite file this process can open read-only, or the statement fails.
struct FastStart
{
    std::unique_ptr<SqliteFastReader> reader;
    bool hasRow = false;
};

Result<FastStart> startFast(Archive &archive, const NotificationQuery &query)
{
    auto *sql = dynamic_cast<SqlArchive *>(&archive);
    if (!sql || !sql->config().isSqlite())
        return Error::make(Error::Kind::Usage,
                           QStringLiteral("The archive is not a SQLite file: no sqlite3 reader"));
    auto reader = SqliteFastReader::open(sql->config().databasePath, sql->config().busyTimeoutMs);
    if (!reader)
        return reader.error();
    const SqlArchive::Select select = sql->notificationSelect(query);
    if (Status s = (*reader)->prepare(select.sql, select.values); !s)
        return s.error();
    Result<bool> first = (*reader)->next();
    if (!first)
        return first.error();
    return FastStart { std::move(reader).value(), *first };
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
                                                       const QString &path, CsvWriter::Options options,
                                                       ReadPath readPath)
{
    std::optional<FastStart> fast;
    if (readPath != ReadPath::QtSql) {
        Result<FastStart> started = startFast(archive, query);
        if (started)
            fast = std::move(started).value();
        else if (readPath == ReadPath::SqliteApi)
            return started.error();
        // Auto: QtSql reads it instead (and reports its own error if the archive cannot be read at all).
    }
    return exportTo(path, options, notificationHeader(), [&](const auto &write) -> Result<qint64> {
        if (!fast) {
            return archive.forEachNotification(query, [&](const NotificationRecord &r) {
                return write([&](auto &out) { notificationCells(out, r); });
            });
        }
        SqliteFastReader &reader = *fast->reader;
        EnumColumns enums;
        qint64 count = 0;
        for (bool row = fast->hasRow; row;) {
            ++count;
            if (!write([&](auto &out) { FastNotificationRow { out.csv, reader, enums }.write(); }))
                break;
            Result<bool> next = reader.next();
            if (!next)
                return next.error();
            row = *next;
        }
        return count;
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
