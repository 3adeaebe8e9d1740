#include "store/SchemaMigrator.h"

#include "store/ArchiveError.h"

#include <QSqlQuery>
#include <QVariant>

namespace iw {

namespace {

const QStringList &stepSource(int toVersion)
{
    static const QStringList v1 {
        QStringLiteral("CREATE TABLE iw_meta (name {text} PRIMARY KEY, value {text})"),
        QStringLiteral("INSERT INTO iw_meta (name, value) VALUES ('schema_version', '0')"),
        QStringLiteral("CREATE TABLE tracked_operations ("
                       "profile {text} NOT NULL, operation_id {text} NOT NULL, "
                       "database_name {text}, table_name {text}, "
                       "added_on {bigint} NOT NULL, added_by {text} NOT NULL, untracked_on {bigint}, "
                       "PRIMARY KEY (profile, operation_id))"),
        QStringLiteral("CREATE TABLE operation_snapshots ("
                       "id {id}, profile {text} NOT NULL, operation_id {text} NOT NULL, "
                       "observed_on {bigint} NOT NULL, started_on {bigint}, last_updated_on {bigint}, "
                       "state {text} NOT NULL, discovered {bigint} NOT NULL, pending {bigint} NOT NULL, "
                       "canceled {bigint} NOT NULL, ingested {bigint} NOT NULL, failed {bigint} NOT NULL, "
                       "sample_failed_reasons {text}, database_name {text}, table_name {text})"),
        QStringLiteral("CREATE INDEX operation_snapshots_by_operation "
                       "ON operation_snapshots (profile, operation_id, observed_on)"),
        QStringLiteral(
            "CREATE TABLE notifications ("
            "id {id}, profile {text} NOT NULL, dedup_key {text} NOT NULL, kind {text} NOT NULL, "
            "queue_name {text}, message_id {text}, insertion_time {bigint}, dequeue_count {bigint}, "
            "operation_id {text}, database_name {text}, table_name {text}, "
            "event_time {bigint} NOT NULL, ingestion_source_id {text}, ingestion_source_path {text}, "
            "root_activity_id {text}, details {text}, error_code {text}, failure_status {text}, "
            "originates_from_update_policy {bigint}, should_retry {bigint}, "
            "raw_text {text}, parse_error {text}, "
            "first_seen_on {bigint} NOT NULL, last_seen_on {bigint} NOT NULL, consumed_on {bigint}, "
            "UNIQUE (profile, dedup_key))"),
        QStringLiteral("CREATE INDEX notifications_by_time ON notifications (profile, event_time)"),
    };
    static const QStringList v2 {
        QStringLiteral("ALTER TABLE notifications ADD COLUMN seen_count {bigint} NOT NULL DEFAULT 1"),
        QStringLiteral("ALTER TABLE tracked_operations ADD COLUMN last_snapshot_id {bigint}"),
        QStringLiteral("UPDATE tracked_operations SET last_snapshot_id = ("
                       "SELECT s.id FROM operation_snapshots s "
                       "WHERE s.profile = tracked_operations.profile "
                       "AND s.operation_id = tracked_operations.operation_id "
                       "ORDER BY s.observed_on DESC, s.id DESC LIMIT 1)"),
        QStringLiteral("CREATE INDEX notifications_by_error_code "
                       "ON notifications (profile, kind, error_code, event_time)"),
    };
    static const QStringList none;
    switch (toVersion) {
    case 1:
        return v1;
    case 2:
        return v2;
    default:
        return none;
    }
}

} // namespace

QStringList SchemaMigrator::statements(int toVersion) const
{
    QStringList out;
    for (const QString &s : stepSource(toVersion))
        out << m_dialect.ddl(s);
    return out;
}

Result<int> SchemaMigrator::version(QSqlDatabase &db) const
{
    if (!db.tables().contains(QLatin1String("iw_meta"), Qt::CaseInsensitive))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM iw_meta WHERE name = 'schema_version'")))
        return m_dialect.toError(q.lastError(), QStringLiteral("reading the schema version"));
    if (!q.next())
        return ArchiveError::make(
            ArchiveError::Corrupt,
            QStringLiteral("The archive %1 has no schema version").arg(db.databaseName()));
    bool ok = false;
    const int v = q.value(0).toString().toInt(&ok);
    if (!ok || v < 0)
        return ArchiveError::make(ArchiveError::Corrupt,
                                  QStringLiteral("The archive %1 has an unreadable schema "
                                                 "version '%2'")
                                      .arg(db.databaseName(), q.value(0).toString()));
    return v;
}

Result<int> SchemaMigrator::migrate(QSqlDatabase &db, int target) const
{
    const Result<int> found = version(db);
    if (!found)
        return found.error();
    const int from = *found;
    if (from > kCurrentVersion)
        return ArchiveError::make(
            ArchiveError::NewerSchema,
            QStringLiteral("The archive %1 was written by a newer IngestWatch (schema %2, "
                           "this version knows up to %3)")
                .arg(db.databaseName())
                .arg(from)
                .arg(kCurrentVersion));
    for (int step = from + 1; step <= target; ++step) {
        QSqlQuery q(db);
        if (!q.exec(m_dialect.beginWriteSql()))
            return m_dialect.toError(q.lastError(),
                                     QStringLiteral("starting migration to schema %1").arg(step));
        QStringList sql = statements(step);
        sql << QStringLiteral("UPDATE iw_meta SET value = '%1' WHERE name = 'schema_version'").arg(step);
        for (const QString &s : sql) {
            QSqlQuery st(db);
            if (!st.exec(s)) {
                const Error e = m_dialect.toError(
                    st.lastError(), QStringLiteral("migrating to schema %1: %2").arg(step).arg(s.left(60)));
                st.finish();
                QSqlQuery(db).exec(m_dialect.rollbackSql());
                return e;
            }
        }
        if (!q.exec(m_dialect.commitSql())) {
            const Error e
                = m_dialect.toError(q.lastError(), QStringLiteral("committing schema %1").arg(step));
            QSqlQuery(db).exec(m_dialect.rollbackSql());
            return e;
        }
    }
    return from;
}

} // namespace iw
