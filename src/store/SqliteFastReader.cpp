#include "store/SqliteFastReader.h"

#include "store/ArchiveError.h"
#include "store/SqliteDialect.h"

#include <QFile>

#include <sqlite3.h>

namespace iw {

SqliteFastReader::SqliteFastReader(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) { }

SqliteFastReader::~SqliteFastReader()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    if (m_db)
        sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteFastReader>> SqliteFastReader::open(const QString &path, int busyTimeoutMs)
{
    // A plain file only: ":memory:" or a URI would name another database than the archive's.
    if (path.isEmpty() || path == QLatin1String(":memory:") || path.startsWith(QLatin1String("file:")))
        return ArchiveError::make(ArchiveError::CannotOpen,
                                  QStringLiteral("%1 is not an archive file").arg(path), Error::Kind::Usage);
    if (!QFile::exists(path))
        return ArchiveError::make(ArchiveError::CannotOpen,
                                  QStringLiteral("The archive %1 does not exist").arg(path));
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<SqliteFastReader> reader(new SqliteFastReader(db, path));
    if (rc != SQLITE_OK)
        return reader->lastError(rc, QStringLiteral("opening %1 for reading").arg(path));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, qMax(0, busyTimeoutMs));
    return reader;
}

Error SqliteFastReader::lastError(int code, const QString &context) const
{
    const QString detail
        = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(code));
    return SqliteDialect::errorFromCode(code, detail, context);
}

Status SqliteFastReader::prepare(const QString &sql, const QVariantList &values)
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    const QByteArray text = sql.toUtf8();
    int rc = sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(rc, sql);
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        // As QSQLITE binds: integers as integers, anything else as UTF-16 text.
        switch (v.metaType().id()) {
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Bool:
            rc = v.isNull() ? sqlite3_bind_null(m_stmt, i + 1)
                            : sqlite3_bind_int64(m_stmt, i + 1, v.toLongLong());
            break;
        default:
            // QSQLITE binds a null QString (not only a null QVariant) as NULL.
            if (v.isNull() || (v.metaType().id() == QMetaType::QString && v.toString().isNull())) {
                rc = sqlite3_bind_null(m_stmt, i + 1);
            } else {
                const QString s = v.toString();
                rc = sqlite3_bind_text16(m_stmt, i + 1, s.utf16(), int(s.size() * sizeof(char16_t)),
                                         SQLITE_TRANSIENT);
            }
            break;
        }
        if (rc != SQLITE_OK)
            return lastError(rc, sql);
    }
    return Unit {};
}

Result<bool> SqliteFastReader::next()
{
    if (!m_stmt)
        return Error::make(Error::Kind::Usage, QStringLiteral("No statement to read"));
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return lastError(rc, QStringLiteral("reading %1").arg(m_path));
}

SqliteFastReader::Type SqliteFastReader::type(int column) const
{
    return static_cast<Type>(sqlite3_column_type(m_stmt, column));
}

qint64 SqliteFastReader::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

SqliteFastReader::Bytes SqliteFastReader::utf8(int column) const
{
    // Text first, then its size (the order SQLite documents).
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return { p, sqlite3_column_bytes(m_stmt, column) };
}

QStringView SqliteFastReader::utf16(int column) const
{
    const auto *p = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, column));
    const qsizetype n = sqlite3_column_bytes16(m_stmt, column) / qsizetype(sizeof(char16_t));
    return p ? QStringView(p, n) : QStringView();
}

QVariant SqliteFastReader::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                          sqlite3_column_bytes(m_stmt, column));
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(m_stmt, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_stmt, column);
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return utf16(column).toString();
    }
}

} // namespace iw
