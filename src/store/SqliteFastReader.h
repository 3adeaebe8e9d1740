#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>
#include <QVariant>
#include <QVariantList>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace iw {

// A read-only connection of its own to a SQLite archive file through the sqlite3 C API, for bulk reads
// that want the bytes of each column rather than a QVariant and a QString per column (the archive CSV
// export). The archive is in WAL mode: this reader sees the last committed state and neither blocks the
// archive's writer nor waits for it. One instance, one thread.
//
//   auto reader = SqliteFastReader::open(path, busyTimeoutMs);
//   reader->prepare(sql, values);   // values: QString or integers, bound like QSQLITE binds them
//   while (*reader->next()) { reader->utf8(0); ... }
class SqliteFastReader
{
public:
    // Column types as sqlite3_column_type() gives them.
    enum Type { Integer = 1, Float = 2, Text = 3, Blob = 4, Null = 5 };

    struct Bytes
    {
        const char *data = nullptr;
        qsizetype size = 0;
    };

    // Errors carry ArchiveError codes like the QtSql path (CannotOpen, Locked, Corrupt, ...).
    static Result<std::unique_ptr<SqliteFastReader>> open(const QString &path, int busyTimeoutMs);
    ~SqliteFastReader();
    SqliteFastReader(const SqliteFastReader &) = delete;
    SqliteFastReader &operator=(const SqliteFastReader &) = delete;

    Status prepare(const QString &sql, const QVariantList &values);
    // The next row: true, false at the end, or an error.
    Result<bool> next();

    // The current row's columns. The bytes and views stay valid until the next call for the same column
    // or the next row.
    Type type(int column) const;
    qint64 int64(int column) const;
    Bytes utf8(int column) const; // the text as SQLite stores it (UTF-8), converting a number to text
    QStringView utf16(int column) const; // SQLite's own UTF-8 to UTF-16 conversion, as QSQLITE reads text
    // The value exactly as QtSql's QSQLITE driver gives it (NULL: a null QString), for the rare column
    // that is not what the schema says.
    QVariant value(int column) const;

private:
    SqliteFastReader(sqlite3 *db, QString path);
    Error lastError(int code, const QString &context) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_path;
};

} // namespace iw
