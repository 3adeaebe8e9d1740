#include "store/ArchiveConfig.h"

#include <QDir>
#include <QStandardPaths>

namespace iw {

QString ArchiveConfig::defaultPath(const QString &profile)
{
    QString safe;
    safe.reserve(profile.size());
    for (const QChar c : profile) {
        const bool keep = (c.isLetterOrNumber() && c.unicode() < 128) || c == QLatin1Char('-')
            || c == QLatin1Char('_') || c == QLatin1Char('.');
        safe.append(keep ? c : QLatin1Char('_'));
    }
    if (safe.isEmpty() || safe.startsWith(QLatin1Char('.')))
        safe.prepend(QLatin1String("profile"));
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("archive/") + safe + QStringLiteral(".sqlite"));
}

ArchiveConfig ArchiveConfig::sqlite(const QString &profile, const QString &path)
{
    ArchiveConfig c;
    c.profile = profile;
    c.databasePath = path;
    return c;
}

} // namespace iw
