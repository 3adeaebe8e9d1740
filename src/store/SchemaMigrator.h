#pragma once

#include "core/Result.h"
#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QStringList>

namespace iw {

// Ordered schema steps, each applied in its own transaction together with the new version number
// (table iw_meta, row schema_version: portable, no PRAGMA user_version). A new database runs every step
// from 1, so the upgrade path is the path every fresh archive takes.
//   v1: iw_meta, tracked_operations, operation_snapshots, notifications
//   v2: notifications.seen_count; tracked_operations.last_snapshot_id (back-filled from the snapshots);
//       index notifications (profile, kind, error_code, event_time) for "last N failures by ErrorCode"
class SchemaMigrator
{
public:
    static constexpr int kCurrentVersion = 2;

    explicit SchemaMigrator(const SqlDialect &dialect) : m_dialect(dialect) { }

    // 0 for an empty database (no iw_meta table).
    Result<int> version(QSqlDatabase &db) const;
    // Brings the database to `target` (<= kCurrentVersion); returns the version it found.
    // NewerSchema when the database is newer than this code.
    Result<int> migrate(QSqlDatabase &db, int target = kCurrentVersion) const;

    // The statements of step `toVersion` (1-based), types already substituted.
    QStringList statements(int toVersion) const;

private:
    const SqlDialect &m_dialect;
};

} // namespace iw
