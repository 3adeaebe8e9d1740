#pragma once

#include <QString>

namespace iw {

// Where an archive lives and how to talk to it. The desktop uses one SQLite file per profile; a
// server archive (PostgreSQL through QtSql's QPSQL driver) is shared by a headless consumer and every
// dashboard. Rows always carry the profile, so the schema is the same in both cases.
struct ArchiveConfig
{
    QString profile; // the connection profile whose rows this archive reads and writes
    QString driver = QStringLiteral("QSQLITE"); // QtSql driver name: QSQLITE or QPSQL
    QString databasePath; // SQLite: the file. Server: the database name
    QString hostName; // server only
    int port = -1; // server only
    QString userName; // server only
    QString password; // server only: from the keychain at run time, never saved with the config
    bool readOnly = false; // open for reading only: no migration, every write fails with ReadOnly
    int busyTimeoutMs = 5000; // how long a write waits for another writer before failing with Locked
    qint64 maxSizeBytes = 0; // SQLite: refuse to grow past this size (DiskFull); 0 = no cap

    bool isSqlite() const { return driver == QLatin1String("QSQLITE"); }

    // <AppDataLocation>/archive/<profile>.sqlite, the profile name made safe for a file name.
    static QString defaultPath(const QString &profile);
    // A SQLite config for that path.
    static ArchiveConfig sqlite(const QString &profile, const QString &path);
};

} // namespace iw
