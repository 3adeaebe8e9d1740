#pragma once

#include "core/CsvWriter.h"
#include "core/Result.h"
#include "store/Archive.h"

#include <QStringList>

namespace iw {

// Exports the rows of an archive query to a CSV file through the shared CsvWriter (RFC 4180, formula
// neutralisation), streaming: rows go from the query to the file without being collected. The file is
// written next to its destination and renamed over it only when complete (QSaveFile): a failed export
// leaves no half file, and an existing file untouched. Column names keep the service's spelling; text is
// redacted (again) on the way out. Blocking: run it where the archive lives (e.g. ArchiveReader::run).
//
// Notifications of a SQLite archive are read through the sqlite3 C API on a read-only connection of their
// own (SqliteFastReader): the same SELECT as SqlArchive::forEachNotification, each column's bytes written
// as a CSV cell without a QVariant or QString in between; text that may hold a secret goes through
// redact() as on the QtSql path. The file is byte for byte the one the QtSql path writes.
class ArchiveCsvExporter
{
public:
    enum class ReadPath {
        Auto, // the sqlite3 reader for a SQLite archive, QtSql otherwise or when it cannot open the file
        QtSql, // Archive::forEachNotification (any backend)
        SqliteApi, // the sqlite3 reader or an error, never QtSql (tests and benchmarks)
    };

    // Each returns the number of data rows written.
    static Result<qint64> exportNotifications(Archive &archive, const NotificationQuery &query,
                                              const QString &path, CsvWriter::Options options = {},
                                              ReadPath readPath = ReadPath::Auto);
    static Result<qint64> exportSnapshots(Archive &archive, const SnapshotQuery &query, const QString &path,
                                          CsvWriter::Options options = {});
    static Result<qint64> exportTrackedOperations(Archive &archive, const TrackedOperationQuery &query,
                                                  const QString &path, CsvWriter::Options options = {});

    static QStringList notificationHeader();
    static QStringList notificationRow(const NotificationRecord &r);
    static QStringList snapshotHeader();
    static QStringList snapshotRow(const OperationSnapshot &s);
    static QStringList trackedOperationHeader();
    static QStringList trackedOperationRow(const TrackedOperation &t);
};

} // namespace iw
