#pragma once

#include "store/SqlDialect.h"

namespace iw {

// PostgreSQL through QtSql's QPSQL driver, for the shared archive a headless consumer writes and every
// dashboard reads. Written to the same contract as SqliteDialect but NOT exercised by the test suite
// (no server on the build machine): treat it as a starting point to be verified against a server.
class PostgresDialect final : public SqlDialect
{
public:
    QString name() const override { return QStringLiteral("PostgreSQL"); }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    void configure(QSqlDatabase &db, const ArchiveConfig &config) const override;
    Status startSession(QSqlDatabase &db, const ArchiveConfig &config) const override;
    Status probe(QSqlDatabase &db) const override;
    Status checkIntegrity(QSqlDatabase &db) const override;
    QString typeName(ColumnType type) const override;
    QString beginWriteSql() const override { return QStringLiteral("BEGIN"); }
    QString insertIgnoringSql(const QString &table, const QStringList &columns,
                              const QStringList &conflictColumns) const override;
    Error toError(const QSqlError &error, const QString &context) const override;
};

} // namespace iw
