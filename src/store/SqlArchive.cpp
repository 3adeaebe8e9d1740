#include "store/SqlArchive.h"

#include "core/Redaction.h"
#include "store/ArchiveError.h"
#include "store/SchemaMigrator.h"

#include <QAtomicInteger>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <initializer_list>

namespace iw {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}

QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : nullInt();
}

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant redacted(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(redact(s));
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

QDateTime orNow(const QDateTime &t)
{
    return t.isValid() ? t : nowUtc();
}

void bindAll(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
}

void bindList(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), n);
    return marks.join(QStringLiteral(", "));
}

const QStringList &notificationColumns()
{
    static const QStringList cols {
        QStringLiteral("profile"),
        QStringLiteral("dedup_key"),
        QStringLiteral("kind"),
        QStringLiteral("queue_name"),
        QStringLiteral("message_id"),
        QStringLiteral("insertion_time"),
        QStringLiteral("dequeue_count"),
        QStringLiteral("operation_id"),
        QStringLiteral("database_name"),
        QStringLiteral("table_name"),
        QStringLiteral("event_time"),
        QStringLiteral("ingestion_source_id"),
        QStringLiteral("ingestion_source_path"),
        QStringLiteral("root_activity_id"),
        QStringLiteral("details"),
        QStringLiteral("error_code"),
        QStringLiteral("failure_status"),
        QStringLiteral("originates_from_update_policy"),
        QStringLiteral("should_retry"),
        QStringLiteral("raw_text"),
        QStringLiteral("parse_error"),
        QStringLiteral("first_seen_on"),
        QStringLiteral("last_seen_on"),
        QStringLiteral("consumed_on"),
        QStringLiteral("seen_count"),
    };
    return cols;
}

const QString &snapshotColumns()
{
    static const QString cols = QStringLiteral(
        "id, operation_id, observed_on, started_on, last_updated_on, state, discovered, pending, canceled, "
        "ingested, failed, sample_failed_reasons, database_name, table_name");
    return cols;
}

// Reads the 14 snapshotColumns() starting at `at`.
OperationSnapshot readSnapshot(const QSqlQuery &q, int at)
{
    OperationSnapshot s;
    s.id = q.value(at + 0).toLongLong();
    QueuedOperation &op = s.operation;
    op.ingestionOperationId = q.value(at + 1).toString();
    s.observedOn = fromMs(q.value(at + 2));
    op.startedOn = fromMs(q.value(at + 3));
    op.lastUpdatedOn = fromMs(q.value(at + 4));
    op.state = operationStateFromString(q.value(at + 5).toString()).value_or(OperationState::InProgress);
    op.discovered = q.value(at + 6).toLongLong();
    op.pending = q.value(at + 7).toLongLong();
    op.canceled = q.value(at + 8).toLongLong();
    op.ingested = q.value(at + 9).toLongLong();
    op.failed = q.value(at + 10).toLongLong();
    op.sampleFailedReasons = q.value(at + 11).toString();
    op.database = q.value(at + 12).toString();
    op.table = q.value(at + 13).toString();
    return s;
}

std::optional<IngestionNotification::Kind> kindFromString(const QString &s)
{
    using K = IngestionNotification::Kind;
    for (K k : { K::Failure, K::Success, K::Malformed }) {
        if (s == toString(k))
            return k;
    }
    return std::nullopt;
}

QDateTime eventTimeOf(const IngestionNotification &n, const QDateTime &seenOn)
{
    const QDateTime w = n.when();
    if (w.isValid())
        return w;
    if (n.insertionTime.isValid())
        return n.insertionTime;
    return seenOn;
}

// WHERE clause + values of a notification query (after "WHERE profile = ?").
struct Filter
{
    QString sql;
    QVariantList values;
};

Filter notificationFilter(const QString &profile, const NotificationQuery &q)
{
    Filter f;
    f.sql = QStringLiteral(" WHERE profile = ?");
    f.values << profile;
    if (q.kind) {
        f.sql += QStringLiteral(" AND kind = ?");
        f.values << toString(*q.kind);
    }
    if (!q.errorCode.isEmpty()) {
        f.sql += QStringLiteral(" AND error_code = ?");
        f.values << q.errorCode;
    }
    if (!q.operationId.isEmpty()) {
        f.sql += QStringLiteral(" AND operation_id = ?");
        f.values << q.operationId;
    }
    if (!q.database.isEmpty()) {
        f.sql += QStringLiteral(" AND database_name = ?");
        f.values << q.database;
    }
    if (!q.table.isEmpty()) {
        f.sql += QStringLiteral(" AND table_name = ?");
        f.values << q.table;
    }
    if (q.from.isValid()) {
        f.sql += QStringLiteral(" AND event_time >= ?");
        f.values << q.from.toMSecsSinceEpoch();
    }
    if (q.to.isValid()) {
        f.sql += QStringLiteral(" AND event_time < ?");
        f.values << q.to.toMSecsSinceEpoch();
    }
    if (q.consumed)
        f.sql += *q.consumed ? QStringLiteral(" AND consumed_on IS NOT NULL")
                             : QStringLiteral(" AND consumed_on IS NULL");
    return f;
}

QString limitClause(int limit)
{
    return limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString();
}

} // namespace

// The prepared statements of one write transaction, prepared on first use.
class SqlArchive::Statements
{
public:
    Statements(QSqlDatabase &db, const SqlDialect &d) : m_db(db), m_dialect(d) { }

    // `makeSql` is called only the first time a slot is used in a transaction.
    template<typename MakeSql>
    Result<QSqlQuery *> get(int slot, MakeSql &&makeSql)
    {
        auto it = m_queries.find(slot);
        if (it != m_queries.end())
            return &it.value();
        const QString sql = makeSql();
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            return m_dialect.toError(q.lastError(), sql);
        return &m_queries.insert(slot, std::move(q)).value();
    }
    void clear() { m_queries.clear(); }

private:
    QSqlDatabase &m_db;
    const SqlDialect &m_dialect;
    QHash<int, QSqlQuery> m_queries;
};

SqlArchive::SqlArchive(const ArchiveConfig &config, std::unique_ptr<SqlDialect> dialect,
                       const QString &connectionName)
    : m_config(config), m_dialect(std::move(dialect)), m_connectionName(connectionName)
{ }

SqlArchive::~SqlArchive()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<SqlArchive>> SqlArchive::open(const ArchiveConfig &config)
{
    std::unique_ptr<SqlDialect> dialect = SqlDialect::forDriver(config.driver);
    if (!dialect)
        return ArchiveError::make(
            ArchiveError::CannotOpen,
            QStringLiteral("No archive backend for the database driver '%1'").arg(config.driver),
            Error::Kind::Usage);
    if (!QSqlDatabase::isDriverAvailable(config.driver))
        return ArchiveError::make(ArchiveError::CannotOpen,
                                  QStringLiteral("The Qt SQL driver %1 is not installed").arg(config.driver));
    if (config.databasePath.isEmpty())
        return ArchiveError::make(ArchiveError::CannotOpen, QStringLiteral("No archive path was given"),
                                  Error::Kind::Usage);
    if (config.isSqlite()) {
        const QFileInfo fi(config.databasePath);
        if (config.readOnly && !fi.exists())
            return ArchiveError::make(
                ArchiveError::CannotOpen,
                QStringLiteral("The archive %1 does not exist").arg(config.databasePath));
        if (!config.readOnly && !QDir().mkpath(fi.absolutePath()))
            return ArchiveError::make(ArchiveError::CannotOpen,
                                      QStringLiteral("Cannot create the folder %1").arg(fi.absolutePath()));
    }
    const QString name = QStringLiteral("iw-archive-%1").arg(++g_connectionCounter);
    std::unique_ptr<SqlArchive> archive(new SqlArchive(config, std::move(dialect), name));
    Status s = archive->initialize();
    if (!s)
        return s.error();
    return archive;
}

Status SqlArchive::initialize()
{
    m_db = QSqlDatabase::addDatabase(m_dialect->driverName(), m_connectionName);
    m_dialect->configure(m_db, m_config);
    if (!m_db.open()) {
        Error e
            = m_dialect->toError(m_db.lastError(), QStringLiteral("opening %1").arg(m_config.databasePath));
        if (e.code == ArchiveError::Sql)
            e.code = ArchiveError::CannotOpen;
        return e;
    }
    if (Status s = m_dialect->probe(m_db); !s)
        return s;
    if (Status s = m_dialect->startSession(m_db, m_config); !s)
        return s;
    const SchemaMigrator migrator(*m_dialect);
    if (m_config.readOnly) {
        const Result<int> v = migrator.version(m_db);
        if (!v)
            return v.error();
        if (*v < SchemaMigrator::kCurrentVersion)
            return ArchiveError::make(
                ArchiveError::ReadOnly,
                QStringLiteral("The archive %1 (schema %2) needs an upgrade to schema %3 and "
                               "cannot be upgraded read-only")
                    .arg(m_config.databasePath)
                    .arg(*v)
                    .arg(SchemaMigrator::kCurrentVersion));
        return Unit {}; // a newer schema is read as far as this version understands it
    }
    const Result<int> from = migrator.migrate(m_db);
    if (!from)
        return from.error();
    return Unit {};
}

Status SqlArchive::beginWrite(const QString &what)
{
    if (m_config.readOnly)
        return ArchiveError::make(ArchiveError::ReadOnly,
                                  QStringLiteral("The archive is open read-only: cannot %1").arg(what));
    QSqlQuery q(m_db);
    if (!q.exec(m_dialect->beginWriteSql()))
        return m_dialect->toError(q.lastError(), what);
    return Unit {};
}

Status SqlArchive::commitWrite(const QString &what)
{
    QSqlQuery q(m_db);
    if (!q.exec(m_dialect->commitSql())) {
        const Error e = m_dialect->toError(q.lastError(), what);
        rollback();
        return e;
    }
    return Unit {};
}

void SqlArchive::rollback()
{
    QSqlQuery q(m_db);
    // May fail when the engine already rolled back (SQLite does on SQLITE_FULL): nothing to do then.
    (void)q.exec(m_dialect->rollbackSql());
}

QString SqlArchive::storageKey(const IngestionNotification &n)
{
    const QString key = n.dedupKey();
    if (key.startsWith(QLatin1String("msg:")))
        return key;
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<QList<ArchiveBatchSummary>> SqlArchive::commitMany(const QList<ArchiveBatch> &batches)
{
    QList<ArchiveBatchSummary> out;
    out.reserve(batches.size());
    if (Status s = beginWrite(QStringLiteral("write a batch")); !s)
        return s.error();
    {
        Statements st(m_db, *m_dialect);
        for (const ArchiveBatch &b : batches) {
            ArchiveBatchSummary summary;
            if (Status s = applyBatch(b, st, summary); !s) {
                st.clear();
                rollback();
                return s.error();
            }
            out.append(summary);
        }
    }
    if (Status s = commitWrite(QStringLiteral("commit a batch")); !s)
        return s.error();
    return out;
}

Status SqlArchive::applyBatch(const ArchiveBatch &batch, Statements &st, ArchiveBatchSummary &summary)
{
    enum Slot {
        TrackInsert,
        TrackUpdate,
        SnapshotLatest,
        SnapshotInsert,
        SnapshotPoint,
        NotificationInsert,
        NotificationUpdate,
        UntrackUpdate,
        PurgeSnapshots,
        PurgeTracked,
    };
    const QString &profile = m_config.profile;
    // `what` (the error context) is only built when the statement fails.
    auto run = [this](QSqlQuery *q, auto &&what) -> Status {
        if (!q->exec())
            return m_dialect->toError(q->lastError(), what());
        return Unit {};
    };

    for (const TrackRequest &t : batch.track) {
        auto ins = st.get(TrackInsert, [&]() -> QString {
            return m_dialect->insertIgnoringSql(
                QStringLiteral("tracked_operations"),
                { QStringLiteral("profile"), QStringLiteral("operation_id"), QStringLiteral("database_name"),
                  QStringLiteral("table_name"), QStringLiteral("added_on"), QStringLiteral("added_by") },
                { QStringLiteral("profile"), QStringLiteral("operation_id") });
        });
        if (!ins)
            return ins.error();
        bindAll(**ins,
                { profile, t.operationId, text(t.database), text(t.table), ms(orNow(t.addedOn)),
                  toString(t.source) });
        if (Status s
            = run(*ins, [&]() -> QString { return (QStringLiteral("tracking %1").arg(t.operationId)); });
            !s)
            return s;
        if ((*ins)->numRowsAffected() > 0) {
            ++summary.tracked;
            continue;
        }
        auto upd = st.get(TrackUpdate, [&]() -> QString {
            return QStringLiteral("UPDATE tracked_operations SET untracked_on = NULL, "
                                  "database_name = COALESCE(database_name, ?), "
                                  "table_name = COALESCE(table_name, ?) "
                                  "WHERE profile = ? AND operation_id = ?");
        });
        if (!upd)
            return upd.error();
        bindAll(**upd, { text(t.database), text(t.table), profile, t.operationId });
        if (Status s
            = run(*upd, [&]() -> QString { return (QStringLiteral("re-tracking %1").arg(t.operationId)); });
            !s)
            return s;
    }

    for (const SnapshotObservation &o : batch.snapshots) {
        const QueuedOperation &op = o.operation;
        const QDateTime observedOn = orNow(o.observedOn);
        auto latest = st.get(SnapshotLatest, [&]() -> QString {
            return QStringLiteral("SELECT id, observed_on, state, discovered, pending, canceled, ingested, "
                                  "failed, sample_failed_reasons FROM operation_snapshots "
                                  "WHERE profile = ? AND operation_id = ? "
                                  "ORDER BY observed_on DESC, id DESC")
                + limitClause(1);
        });
        if (!latest)
            return latest.error();
        bindAll(**latest, { profile, op.ingestionOperationId });
        if (Status s
            = run(*latest, [&]() -> QString { return (QStringLiteral("reading the last snapshot")); });
            !s)
            return s;
        const QVariant reasons = redacted(op.sampleFailedReasons);
        bool newest = true;
        if ((*latest)->next()) {
            QSqlQuery &q = **latest;
            const bool same = q.value(2).toString() == toString(op.state)
                && q.value(3).toLongLong() == op.discovered && q.value(4).toLongLong() == op.pending
                && q.value(5).toLongLong() == op.canceled && q.value(6).toLongLong() == op.ingested
                && q.value(7).toLongLong() == op.failed && q.value(8).toString() == reasons.toString();
            newest = q.value(1).toLongLong() <= observedOn.toMSecsSinceEpoch();
            q.finish();
            if (same) {
                ++summary.snapshotsUnchanged;
                continue;
            }
        }
        (*latest)->finish();
        auto ins = st.get(SnapshotInsert, [&]() -> QString {
            return QStringLiteral("INSERT INTO operation_snapshots (profile, operation_id, observed_on, "
                                  "started_on, last_updated_on, state, discovered, pending, canceled, "
                                  "ingested, failed, sample_failed_reasons, database_name, table_name) "
                                  "VALUES (")
                + placeholders(14) + QLatin1Char(')');
        });
        if (!ins)
            return ins.error();
        bindAll(**ins,
                { profile, op.ingestionOperationId, ms(observedOn), ms(op.startedOn), ms(op.lastUpdatedOn),
                  toString(op.state), op.discovered, op.pending, op.canceled, op.ingested, op.failed, reasons,
                  text(op.database), text(op.table) });
        if (Status s
            = run(*ins,
                  [&] {
                      return QString(QStringLiteral("storing a snapshot of %1").arg(op.ingestionOperationId));
                  });
            !s)
            return s;
        ++summary.snapshotsAdded;
        const QVariant id = (*ins)->lastInsertId();
        if (!newest)
            continue;
        auto point = st.get(SnapshotPoint, [&]() -> QString {
            return QStringLiteral("UPDATE tracked_operations SET last_snapshot_id = ?, "
                                  "database_name = COALESCE(database_name, ?), "
                                  "table_name = COALESCE(table_name, ?) "
                                  "WHERE profile = ? AND operation_id = ?");
        });
        if (!point)
            return point.error();
        bindAll(**point, { id, text(op.database), text(op.table), profile, op.ingestionOperationId });
        if (Status s
            = run(*point, [&]() -> QString { return (QStringLiteral("linking the last snapshot")); });
            !s)
            return s;
    }

    for (const NotificationObservation &o : batch.notifications) {
        const IngestionNotification &n = o.notification;
        const QDateTime seenOn = orNow(o.seenOn);
        const QVariant consumedOn = o.origin == NotificationOrigin::Consumed ? ms(seenOn) : nullInt();
        const QString key = storageKey(n);
        const bool failure = n.kind == IngestionNotification::Kind::Failure;
        const bool malformed = n.kind == IngestionNotification::Kind::Malformed;
        auto ins = st.get(NotificationInsert, [&]() -> QString {
            return m_dialect->insertIgnoringSql(QStringLiteral("notifications"), notificationColumns(),
                                                { QStringLiteral("profile"), QStringLiteral("dedup_key") });
        });
        if (!ins)
            return ins.error();
        bindList(**ins,
                 QVariantList {
                     profile,
                     key,
                     toString(n.kind),
                     text(n.queueName),
                     text(n.messageId),
                     ms(n.insertionTime),
                     n.dequeueCount,
                     text(n.operationId),
                     text(n.database),
                     text(n.table),
                     ms(eventTimeOf(n, seenOn)),
                     text(n.ingestionSourceId),
                     redacted(n.ingestionSourcePath),
                     text(n.rootActivityId),
                     redacted(n.details),
                     text(n.errorCode),
                     failure ? QVariant(toString(n.failureStatus)) : QVariant(QMetaType::fromType<QString>()),
                     n.originatesFromUpdatePolicy ? 1 : 0,
                     n.shouldRetry ? 1 : 0,
                     malformed ? redacted(n.rawText) : QVariant(QMetaType::fromType<QString>()),
                     redacted(n.parseError),
                     ms(seenOn),
                     ms(seenOn),
                     consumedOn,
                     1,
                 });
        if (Status s
            = run(*ins,
                  [&]() -> QString { return (QStringLiteral("storing notification %1").arg(key.left(80))); });
            !s)
            return s;
        if ((*ins)->numRowsAffected() > 0) {
            ++summary.notificationsAdded;
            continue;
        }
        auto upd = st.get(NotificationUpdate, [&]() -> QString {
            return QStringLiteral("UPDATE notifications SET seen_count = seen_count + 1, "
                                  "last_seen_on = CASE WHEN last_seen_on < ? THEN ? ELSE last_seen_on END, "
                                  "consumed_on = COALESCE(consumed_on, ?), "
                                  "dequeue_count = CASE WHEN dequeue_count IS NULL OR dequeue_count < ? "
                                  "THEN ? ELSE dequeue_count END "
                                  "WHERE profile = ? AND dedup_key = ?");
        });
        if (!upd)
            return upd.error();
        bindAll(**upd, { ms(seenOn), ms(seenOn), consumedOn, n.dequeueCount, n.dequeueCount, profile, key });
        if (Status s = run(
                *upd, [&] { return QString(QStringLiteral("updating notification %1").arg(key.left(80))); });
            !s)
            return s;
        ++summary.notificationsKnown;
    }

    for (const UntrackRequest &u : batch.untrack) {
        if (u.purge) {
            auto snaps = st.get(PurgeSnapshots, [&]() -> QString {
                return QStringLiteral(
                    "DELETE FROM operation_snapshots WHERE profile = ? AND operation_id = ?");
            });
            if (!snaps)
                return snaps.error();
            bindAll(**snaps, { profile, u.operationId });
            if (Status s = run(*snaps,
                               [&]() -> QString {
                                   return (QStringLiteral("purging snapshots of %1").arg(u.operationId));
                               });
                !s)
                return s;
            const int snapshotRows = (*snaps)->numRowsAffected();
            auto tracked = st.get(PurgeTracked, [&]() -> QString {
                return QStringLiteral(
                    "DELETE FROM tracked_operations WHERE profile = ? AND operation_id = ?");
            });
            if (!tracked)
                return tracked.error();
            bindAll(**tracked, { profile, u.operationId });
            if (Status s = run(
                    *tracked, [&]() -> QString { return (QStringLiteral("purging %1").arg(u.operationId)); });
                !s)
                return s;
            if ((*tracked)->numRowsAffected() > 0 || snapshotRows > 0)
                ++summary.purged;
            continue;
        }
        auto upd = st.get(UntrackUpdate, [&]() -> QString {
            return QStringLiteral("UPDATE tracked_operations SET untracked_on = ? "
                                  "WHERE profile = ? AND operation_id = ? "
                                  "AND untracked_on IS NULL");
        });
        if (!upd)
            return upd.error();
        bindAll(**upd, { ms(orNow(u.untrackedOn)), profile, u.operationId });
        if (Status s
            = run(*upd, [&]() -> QString { return (QStringLiteral("untracking %1").arg(u.operationId)); });
            !s)
            return s;
        summary.untracked += (*upd)->numRowsAffected() > 0 ? 1 : 0;
    }
    return Unit {};
}

Result<qint64> SqlArchive::forEachTrackedOperation(const TrackedOperationQuery &query,
                                                   const TrackedSink &sink)
{
    QString sql
        = QStringLiteral("SELECT t.operation_id, t.database_name, t.table_name, t.added_on, t.added_by, "
                         "t.untracked_on, s.id, s.operation_id, s.observed_on, s.started_on, "
                         "s.last_updated_on, s.state, s.discovered, s.pending, s.canceled, s.ingested, "
                         "s.failed, s.sample_failed_reasons, s.database_name, s.table_name "
                         "FROM tracked_operations t "
                         "LEFT JOIN operation_snapshots s ON s.id = t.last_snapshot_id "
                         "WHERE t.profile = ?");
    QVariantList values { m_config.profile };
    if (!query.includeUntracked)
        sql += QStringLiteral(" AND t.untracked_on IS NULL");
    if (!query.operationIds.isEmpty()) {
        sql += QStringLiteral(" AND t.operation_id IN (") + placeholders(query.operationIds.size())
            + QLatin1Char(')');
        for (const QString &id : query.operationIds)
            values << id;
    }
    sql += QStringLiteral(" ORDER BY t.added_on, t.operation_id");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return m_dialect->toError(q.lastError(), QStringLiteral("reading tracked operations"));
    bindList(q, values);
    if (!q.exec())
        return m_dialect->toError(q.lastError(), QStringLiteral("reading tracked operations"));
    qint64 n = 0;
    while (q.next()) {
        TrackedOperation t;
        t.operationId = q.value(0).toString();
        t.database = q.value(1).toString();
        t.table = q.value(2).toString();
        t.addedOn = fromMs(q.value(3));
        t.source = trackSourceFromString(q.value(4).toString()).value_or(TrackSource::Submitted);
        t.untrackedOn = fromMs(q.value(5));
        if (!q.value(6).isNull())
            t.lastSnapshot = readSnapshot(q, 6);
        ++n;
        if (!sink(t))
            break;
    }
    if (q.lastError().isValid())
        return m_dialect->toError(q.lastError(), QStringLiteral("reading tracked operations"));
    return n;
}

Result<qint64> SqlArchive::forEachSnapshot(const SnapshotQuery &query, const SnapshotSink &sink)
{
    QString sql = QStringLiteral("SELECT ") + snapshotColumns()
        + QStringLiteral(" FROM operation_snapshots WHERE profile = ?");
    QVariantList values { m_config.profile };
    if (!query.operationIds.isEmpty()) {
        sql += QStringLiteral(" AND operation_id IN (") + placeholders(query.operationIds.size())
            + QLatin1Char(')');
        for (const QString &id : query.operationIds)
            values << id;
    }
    if (query.from.isValid()) {
        sql += QStringLiteral(" AND observed_on >= ?");
        values << query.from.toMSecsSinceEpoch();
    }
    if (query.to.isValid()) {
        sql += QStringLiteral(" AND observed_on < ?");
        values << query.to.toMSecsSinceEpoch();
    }
    sql += QStringLiteral(" ORDER BY observed_on, id") + limitClause(query.limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return m_dialect->toError(q.lastError(), QStringLiteral("reading snapshots"));
    bindList(q, values);
    if (!q.exec())
        return m_dialect->toError(q.lastError(), QStringLiteral("reading snapshots"));
    qint64 n = 0;
    while (q.next()) {
        ++n;
        if (!sink(readSnapshot(q, 0)))
            break;
    }
    if (q.lastError().isValid())
        return m_dialect->toError(q.lastError(), QStringLiteral("reading snapshots"));
    return n;
}

SqlArchive::Select SqlArchive::notificationSelect(const NotificationQuery &query) const
{
    Filter f = notificationFilter(m_config.profile, query);
    const QString order = query.order == NotificationQuery::Order::NewestFirst
        ? QStringLiteral(" ORDER BY event_time DESC, id DESC")
        : QStringLiteral(" ORDER BY event_time, id");
    return { QStringLiteral("SELECT id, ") + notificationColumns().join(QStringLiteral(", "))
                 + QStringLiteral(" FROM notifications") + f.sql + order + limitClause(query.limit),
             std::move(f.values) };
}

Result<qint64> SqlArchive::forEachNotification(const NotificationQuery &query, const NotificationSink &sink)
{
    const Select select = notificationSelect(query);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(select.sql))
        return m_dialect->toError(q.lastError(), QStringLiteral("reading notifications"));
    bindList(q, select.values);
    if (!q.exec())
        return m_dialect->toError(q.lastError(), QStringLiteral("reading notifications"));
    qint64 count = 0;
    while (q.next()) {
        NotificationRecord r;
        IngestionNotification &n = r.notification;
        r.id = q.value(NcId).toLongLong();
        r.dedupKey = q.value(NcDedupKey).toString();
        n.kind = kindFromString(q.value(NcKind).toString()).value_or(IngestionNotification::Kind::Malformed);
        n.queueName = q.value(NcQueueName).toString();
        n.messageId = q.value(NcMessageId).toString();
        n.insertionTime = fromMs(q.value(NcInsertionTime));
        n.dequeueCount = q.value(NcDequeueCount).toInt();
        n.operationId = q.value(NcOperationId).toString();
        n.database = q.value(NcDatabase).toString();
        n.table = q.value(NcTable).toString();
        r.eventTime = fromMs(q.value(NcEventTime));
        if (n.kind == IngestionNotification::Kind::Failure)
            n.failedOn = r.eventTime;
        else if (n.kind == IngestionNotification::Kind::Success)
            n.succeededOn = r.eventTime;
        n.ingestionSourceId = q.value(NcIngestionSourceId).toString();
        n.ingestionSourcePath = q.value(NcIngestionSourcePath).toString();
        n.rootActivityId = q.value(NcRootActivityId).toString();
        n.details = q.value(NcDetails).toString();
        n.errorCode = q.value(NcErrorCode).toString();
        n.failureStatus
            = failureStatusFromString(q.value(NcFailureStatus).toString()).value_or(FailureStatus::Unknown);
        n.originatesFromUpdatePolicy = q.value(NcOriginatesFromUpdatePolicy).toInt() != 0;
        n.shouldRetry = q.value(NcShouldRetry).toInt() != 0;
        n.rawText = q.value(NcRawText).toString();
        n.parseError = q.value(NcParseError).toString();
        r.firstSeenOn = fromMs(q.value(NcFirstSeenOn));
        r.lastSeenOn = fromMs(q.value(NcLastSeenOn));
        r.consumedOn = fromMs(q.value(NcConsumedOn));
        r.seenCount = q.value(NcSeenCount).toInt();
        ++count;
        if (!sink(r))
            break;
    }
    if (q.lastError().isValid())
        return m_dialect->toError(q.lastError(), QStringLiteral("reading notifications"));
    return count;
}

Result<qint64> SqlArchive::countNotifications(const NotificationQuery &query)
{
    const Filter f = notificationFilter(m_config.profile, query);
    QSqlQuery q(m_db);
    if (!q.prepare(QStringLiteral("SELECT COUNT(*) FROM notifications") + f.sql))
        return m_dialect->toError(q.lastError(), QStringLiteral("counting notifications"));
    bindList(q, f.values);
    if (!q.exec() || !q.next())
        return m_dialect->toError(q.lastError(), QStringLiteral("counting notifications"));
    const qint64 n = q.value(0).toLongLong();
    if (query.limit > 0)
        return qMin<qint64>(n, query.limit);
    return n;
}

Result<RetentionPolicy> SqlArchive::retention()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM iw_meta WHERE name = 'retention_days'")))
        return m_dialect->toError(q.lastError(), QStringLiteral("reading the retention setting"));
    RetentionPolicy p;
    if (q.next()) {
        bool ok = false;
        const int days = q.value(0).toString().toInt(&ok);
        if (ok && days > 0)
            p.keepDays = days;
    }
    return p;
}

Status SqlArchive::setRetention(const RetentionPolicy &policy)
{
    if (policy.keepDays && *policy.keepDays <= 0)
        return Error::make(Error::Kind::Usage, QStringLiteral("Retention must keep at least one day"));
    const QString what = QStringLiteral("save the retention setting");
    if (Status s = beginWrite(what); !s)
        return s;
    const QVariant value
        = policy.keepDays ? QVariant(QString::number(*policy.keepDays)) : QVariant(QString());
    {
        QSqlQuery ins(m_db);
        QSqlQuery upd(m_db);
        const bool ok = ins.prepare(m_dialect->insertIgnoringSql(
                            QStringLiteral("iw_meta"), { QStringLiteral("name"), QStringLiteral("value") },
                            { QStringLiteral("name") }))
            && (bindAll(ins, { QStringLiteral("retention_days"), value }), ins.exec())
            && upd.prepare(QStringLiteral("UPDATE iw_meta SET value = ? WHERE name = 'retention_days'"))
            && (bindAll(upd, { value }), upd.exec());
        if (!ok) {
            const Error e
                = m_dialect->toError(ins.lastError().isValid() ? ins.lastError() : upd.lastError(), what);
            ins.finish();
            upd.finish();
            rollback();
            return e;
        }
    }
    return commitWrite(what);
}

Result<RetentionSummary> SqlArchive::applyRetention(const QDateTime &now)
{
    const Result<RetentionPolicy> policy = retention();
    if (!policy)
        return policy.error();
    RetentionSummary summary;
    if (!policy->keepDays)
        return summary;
    const qint64 cutoff = orNow(now).addDays(-*policy->keepDays).toMSecsSinceEpoch();
    const QString what = QStringLiteral("apply retention");
    if (Status s = beginWrite(what); !s)
        return s.error();
    // One statement at a time: some drivers (QSQLITE) report the connection's last change count.
    const QStringList deletes {
        QStringLiteral("DELETE FROM notifications WHERE event_time < ?"),
        QStringLiteral(
            "DELETE FROM operation_snapshots WHERE observed_on < ? AND id NOT IN "
            "(SELECT last_snapshot_id FROM tracked_operations WHERE last_snapshot_id IS NOT NULL)"),
    };
    qint64 *counts[] = { &summary.notificationsDeleted, &summary.snapshotsDeleted };
    for (int i = 0; i < deletes.size(); ++i) {
        QSqlQuery q(m_db);
        if (!q.prepare(deletes.at(i)) || (bindAll(q, { cutoff }), !q.exec())) {
            const Error e = m_dialect->toError(q.lastError(), what);
            q.finish();
            rollback();
            return e;
        }
        *counts[i] = q.numRowsAffected();
    }
    if (Status s = commitWrite(what); !s)
        return s.error();
    return summary;
}

Result<int> SqlArchive::schemaVersion()
{
    return SchemaMigrator(*m_dialect).version(m_db);
}

Status SqlArchive::checkIntegrity()
{
    return m_dialect->checkIntegrity(m_db);
}

} // namespace iw
