#include "store/SqliteDialect.h"

#include "store/ArchiveError.h"

#include <QSqlQuery>
#include <QVariant>

namespace iw {

namespace {

// Primary result codes from sqlite3.h (the driver reports extended codes; the low byte is primary).
constexpr int kSqliteError = 1;
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteNoMem = 7;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

Status exec(QSqlDatabase &db, const SqliteDialect &d, const QString &sql, QVariant *firstValue = nullptr)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return d.toError(q.lastError(), sql);
    if (firstValue && q.next())
        *firstValue = q.value(0);
    return Unit {};
}

} // namespace

void SqliteDialect::configure(QSqlDatabase &db, const ArchiveConfig &config) const
{
    db.setDatabaseName(config.databasePath);
    QStringList options;
    options << QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qMax(0, config.busyTimeoutMs));
    if (config.readOnly)
        options << QStringLiteral("QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

Status SqliteDialect::startSession(QSqlDatabase &db, const ArchiveConfig &config) const
{
    QVariant v;
    Status s = exec(db, *this, QStringLiteral("PRAGMA busy_timeout = %1").arg(qMax(0, config.busyTimeoutMs)));
    if (!s)
        return s;
    if (!config.readOnly) {
        // WAL is a property of the file: switch once (it needs the write lock), then readers never
        // block the writer and the writer never blocks readers.
        s = exec(db, *this, QStringLiteral("PRAGMA journal_mode"), &v);
        if (!s)
            return s;
        if (v.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            s = exec(db, *this, QStringLiteral("PRAGMA journal_mode = WAL"), &v);
            if (!s)
                return s;
        }
    }
    s = exec(db, *this, QStringLiteral("PRAGMA synchronous = FULL"));
    if (!s)
        return s;
    // 32 MiB of page cache (the default is 2 MiB): a large archive's indexes stay in memory while writing.
    s = exec(db, *this, QStringLiteral("PRAGMA cache_size = -32768"));
    if (!s)
        return s;
    if (config.maxSizeBytes > 0) {
        s = exec(db, *this, QStringLiteral("PRAGMA page_size"), &v);
        if (!s)
            return s;
        const qint64 pageSize = qMax<qint64>(512, v.toLongLong());
        const qint64 pages = qMax<qint64>(1, config.maxSizeBytes / pageSize);
        s = exec(db, *this, QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
        if (!s)
            return s;
    }
    return Unit {};
}

Status SqliteDialect::probe(QSqlDatabase &db) const
{
    return exec(db, *this, QStringLiteral("SELECT count(*) FROM sqlite_master"));
}

Status SqliteDialect::checkIntegrity(QSqlDatabase &db) const
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return toError(q.lastError(), QStringLiteral("integrity check"));
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    if (problems.isEmpty())
        return Unit {};
    return ArchiveError::make(ArchiveError::Corrupt,
                              QStringLiteral("The archive %1 is damaged: %2")
                                  .arg(db.databaseName(), problems.mid(0, 5).join(QStringLiteral("; "))));
}

QString SqliteDialect::typeName(ColumnType type) const
{
    switch (type) {
    case ColumnType::Id:
        return QStringLiteral("INTEGER PRIMARY KEY"); // the rowid: indexes carry it for free
    case ColumnType::BigInt:
        return QStringLiteral("INTEGER");
    case ColumnType::Text:
        return QStringLiteral("TEXT");
    }
    return {};
}

QString SqliteDialect::insertIgnoringSql(const QString &table, const QStringList &columns,
                                         const QStringList &conflictColumns) const
{
    // Not "INSERT OR IGNORE": that would also swallow NOT NULL and CHECK violations.
    QStringList marks;
    marks.fill(QStringLiteral("?"), columns.size());
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
        .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             conflictColumns.join(QStringLiteral(", ")));
}

int SqliteDialect::resultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

Error SqliteDialect::toError(const QSqlError &error, const QString &context) const
{
    return errorFromCode(resultCode(error), error.text().trimmed(), context);
}

Error SqliteDialect::errorFromCode(int resultCode, const QString &detail, const QString &context)
{
    const int code = resultCode < 0 ? -1 : (resultCode & 0xff);
    const QString where = context.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(context.left(120));
    switch (code) {
    case kSqliteBusy:
    case kSqliteLocked: {
        Error e = ArchiveError::make(ArchiveError::Locked,
                                     QStringLiteral("The archive is locked by another program or dashboard "
                                                    "and stayed locked past the busy timeout: %1%2")
                                         .arg(detail, where));
        e.retryable = true;
        return e;
    }
    case kSqliteFull:
        return ArchiveError::make(
            ArchiveError::DiskFull,
            QStringLiteral("The archive cannot grow: the disk is full or the archive "
                           "reached its size limit. Nothing of this write was kept: %1%2")
                .arg(detail, where));
    case kSqliteCorrupt:
    case kSqliteNotADb:
        return ArchiveError::make(ArchiveError::Corrupt,
                                  QStringLiteral("The archive file is damaged or is not an IngestWatch "
                                                 "archive: %1%2")
                                      .arg(detail, where));
    case kSqliteReadOnly:
        return ArchiveError::make(ArchiveError::ReadOnly,
                                  QStringLiteral("The archive is read-only: %1%2").arg(detail, where));
    case kSqliteCantOpen:
        return ArchiveError::make(
            ArchiveError::CannotOpen,
            QStringLiteral("The archive file cannot be opened: %1%2").arg(detail, where));
    case kSqliteIoErr:
    case kSqliteNoMem:
    case kSqliteError:
    default:
        return ArchiveError::make(ArchiveError::Sql,
                                  QStringLiteral("Archive error: %1%2").arg(detail, where));
    }
}

} // namespace iw
