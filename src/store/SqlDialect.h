#pragma once

#include "core/Result.h"
#include "store/ArchiveConfig.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

#include <memory>

namespace iw {

// Everything that differs between database engines lives behind this class, and nowhere else: the
// driver and its connection options, session settings (pragmas, WAL), column type names, the
// "insert unless the key exists" form, how a write transaction starts, integrity checks and how
// native errors map to ArchiveError codes. The rest of the store writes portable SQL.
class SqlDialect
{
public:
    enum class ColumnType {
        Id, // auto-assigned 64-bit primary key
        BigInt, // 64-bit integer (also times: milliseconds since the epoch, UTC)
        Text,
    };

    virtual ~SqlDialect();

    // SqliteDialect for QSQLITE, PostgresDialect for QPSQL; nullptr for any other driver.
    static std::unique_ptr<SqlDialect> forDriver(const QString &driver);

    virtual QString name() const = 0;
    virtual QString driverName() const = 0;

    // Sets the database name, host and driver options on a connection that is not open yet.
    virtual void configure(QSqlDatabase &db, const ArchiveConfig &config) const = 0;
    // Runs once after open(): journal mode, synchronous, timeouts, size cap.
    virtual Status startSession(QSqlDatabase &db, const ArchiveConfig &config) const = 0;
    // Reads something every database has, so a file that is not a database fails here (Corrupt).
    virtual Status probe(QSqlDatabase &db) const = 0;
    // Full consistency check of the storage; Corrupt when it reports a problem.
    virtual Status checkIntegrity(QSqlDatabase &db) const = 0;

    virtual QString typeName(ColumnType type) const = 0;
    // `statement` with {id}, {bigint} and {text} replaced by this dialect's type names.
    QString ddl(QString statement) const;

    // The statement that starts a write transaction (taking the write lock up front).
    virtual QString beginWriteSql() const = 0;
    QString commitSql() const { return QStringLiteral("COMMIT"); }
    QString rollbackSql() const { return QStringLiteral("ROLLBACK"); }

    // INSERT INTO table (columns) VALUES (?, ...) that does nothing when a row with the same
    // conflictColumns exists (numRowsAffected() is then 0).
    virtual QString insertIgnoringSql(const QString &table, const QStringList &columns,
                                      const QStringList &conflictColumns) const = 0;

    // Maps a driver error to an Error with an ArchiveError code. `context` says what was being done.
    virtual Error toError(const QSqlError &error, const QString &context) const = 0;
};

} // namespace iw
