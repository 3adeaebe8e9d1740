#pragma once

#include "store/SqlDialect.h"

namespace iw {

// SQLite through QtSql's QSQLITE driver: WAL journal, synchronous=FULL (a committed batch survives a
// crash or power loss, which the consume path relies on before deleting a queue message), a busy
// timeout instead of waiting forever, and PRAGMA max_page_count for ArchiveConfig::maxSizeBytes.
class SqliteDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("SQLite"); }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    void configure(QSqlDatabase &db, const ArchiveConfig &config) const override;
    Status startSession(QSqlDatabase &db, const ArchiveConfig &config) const override;
    Status probe(QSqlDatabase &db) const override;
    Status checkIntegrity(QSqlDatabase &db) const override;
    QString typeName(ColumnType type) const override;
    QString beginWriteSql() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    QString insertIgnoringSql(const QString &table, const QStringList &columns,
                              const QStringList &conflictColumns) const override;
    Error toError(const QSqlError &error, const QString &context) const override;

    // The primary SQLite result code (extended codes masked) of a QSQLITE error, or -1.
    static int resultCode(const QSqlError &error);
    // toError() for a result code of the sqlite3 C API (SqliteFastReader) and its message.
    static Error errorFromCode(int resultCode, const QString &detail, const QString &context);
};

} // namespace iw
