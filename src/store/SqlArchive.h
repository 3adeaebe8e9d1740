#pragma once

#include "store/Archive.h"
#include "store/ArchiveConfig.h"
#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <memory>

namespace iw {

// The Archive on QtSql: SQLite files today, PostgreSQL through the same code and a PostgresDialect.
// All SQL here is portable; engine specifics come from the SqlDialect. One instance = one connection
// (uniquely named), used only by the thread that opened it.
class SqlArchive final : public Archive
{
public:
    // Opens (creating a SQLite file and its folder when needed) and migrates to the current schema.
    // Errors carry ArchiveError codes: Corrupt (garbage or damaged file), Locked (busy timeout),
    // NewerSchema, ReadOnly (read-only and too old), CannotOpen. See ArchiveOpener for the fallbacks.
    static Result<std::unique_ptr<SqlArchive>> open(const ArchiveConfig &config);
    ~SqlArchive() override;

    SqlArchive(const SqlArchive &) = delete;
    SqlArchive &operator=(const SqlArchive &) = delete;

    const ArchiveConfig &config() const { return m_config; }
    const SqlDialect &dialect() const { return *m_dialect; }
    QString connectionName() const { return m_connectionName; }

    QString profile() const override { return m_config.profile; }
    bool isReadOnly() const override { return m_config.readOnly; }

    Result<QList<ArchiveBatchSummary>> commitMany(const QList<ArchiveBatch> &batches) override;

    Result<qint64> forEachTrackedOperation(const TrackedOperationQuery &query,
                                           const TrackedSink &sink) override;
    Result<qint64> forEachSnapshot(const SnapshotQuery &query, const SnapshotSink &sink) override;
    Result<qint64> forEachNotification(const NotificationQuery &query, const NotificationSink &sink) override;
    Result<qint64> countNotifications(const NotificationQuery &query) override;

    Result<RetentionPolicy> retention() override;
    Status setRetention(const RetentionPolicy &policy) override;
    Result<RetentionSummary> applyRetention(const QDateTime &now = {}) override;

    Result<int> schemaVersion() override;
    Status checkIntegrity() override;

    // The statement forEachNotification() runs for a query (filters, order, limit) and its bound values
    // (QString or qint64), so that a reader on another connection (SqliteFastReader, for the CSV export)
    // runs exactly the same SELECT. Its columns are NotificationColumn.
    struct Select
    {
        QString sql;
        QVariantList values;
    };
    Select notificationSelect(const NotificationQuery &query) const;
    enum NotificationColumn {
        NcId,
        NcProfile,
        NcDedupKey,
        NcKind,
        NcQueueName,
        NcMessageId,
        NcInsertionTime,
        NcDequeueCount,
        NcOperationId,
        NcDatabase,
        NcTable,
        NcEventTime,
        NcIngestionSourceId,
        NcIngestionSourcePath,
        NcRootActivityId,
        NcDetails,
        NcErrorCode,
        NcFailureStatus,
        NcOriginatesFromUpdatePolicy,
        NcShouldRetry,
        NcRawText,
        NcParseError,
        NcFirstSeenOn,
        NcLastSeenOn,
        NcConsumedOn,
        NcSeenCount,
    };

    // The key a notification is de-duplicated by: IngestionNotification::dedupKey() when it is the queue
    // message id, otherwise its SHA-256 (the fallback key may embed a malformed message's raw text).
    static QString storageKey(const IngestionNotification &n);

private:
    class Statements;

    SqlArchive(const ArchiveConfig &config, std::unique_ptr<SqlDialect> dialect,
               const QString &connectionName);
    Status initialize();
    Status applyBatch(const ArchiveBatch &batch, Statements &st, ArchiveBatchSummary &summary);
    Status beginWrite(const QString &what);
    Status commitWrite(const QString &what);
    void rollback();

    ArchiveConfig m_config;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace iw
