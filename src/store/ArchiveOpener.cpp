#include "store/ArchiveOpener.h"

#include "store/ArchiveError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>

namespace iw {

namespace {

Result<ArchiveOpenOutcome> outcome(Result<std::unique_ptr<SqlArchive>> &&opened,
                                   ArchiveOpenOutcome::Mode mode, const ArchiveConfig &config,
                                   const Error &problem, QString notice)
{
    if (!opened)
        return opened.error();
    ArchiveOpenOutcome o;
    o.mode = mode;
    o.config = config;
    o.archive = std::move(opened).value();
    o.problem = problem;
    o.notice = std::move(notice);
    return o;
}

} // namespace

QString ArchiveOpener::temporaryPath(const QString &profile)
{
    const QString file = QFileInfo(ArchiveConfig::defaultPath(profile)).completeBaseName();
    return QDir(QDir::tempPath())
        .filePath(QStringLiteral("ingestwatch-%1-session-%2.sqlite")
                      .arg(file)
                      .arg(QCoreApplication::applicationPid()));
}

Result<QString> ArchiveOpener::moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFile::exists(target); ++n)
        target = path + QStringLiteral(".damaged-") + stamp + QStringLiteral("-%1").arg(n);
    if (!QFile::rename(path, target))
        return ArchiveError::make(
            ArchiveError::CannotOpen,
            QStringLiteral("Cannot move the damaged archive %1 aside to %2").arg(path, target));
    for (const QLatin1String suffix : { QLatin1String("-wal"), QLatin1String("-shm") }) {
        if (QFile::exists(path + suffix))
            (void)QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

Result<ArchiveOpenOutcome> ArchiveOpener::open(const ArchiveConfig &config, Policy policy)
{
    auto first = SqlArchive::open(config);
    if (first) {
        ArchiveOpenOutcome o;
        o.config = config;
        o.archive = std::move(first).value();
        return o;
    }
    const Error problem = first.error();
    using Mode = ArchiveOpenOutcome::Mode;

    auto tryReadOnly = [&](const QString &why) -> Result<ArchiveOpenOutcome> {
        if (config.readOnly)
            return problem;
        ArchiveConfig ro = config;
        ro.readOnly = true;
        return outcome(
            SqlArchive::open(ro), Mode::ReadOnly, ro, problem,
            why + QStringLiteral(" The history is shown read-only; nothing new is saved this session."));
    };
    auto tryTemporary = [&](const QString &why) -> Result<ArchiveOpenOutcome> {
        if (!policy.allowTemporary || !config.isSqlite())
            return problem;
        ArchiveConfig tmp = config;
        tmp.readOnly = false;
        tmp.databasePath = temporaryPath(config.profile);
        return outcome(
            SqlArchive::open(tmp), Mode::Temporary, tmp, problem,
            why
                + QStringLiteral(" This session's history goes to the temporary file %1 and is not kept.")
                      .arg(tmp.databasePath));
    };
    const QString what
        = QStringLiteral("The archive %1 cannot be used: %2.").arg(config.databasePath, problem.message);

    if (ArchiveError::is(problem, ArchiveError::Corrupt)) {
        if (policy.onCorrupt == OnCorrupt::Fail || !config.isSqlite())
            return problem;
        if (policy.onCorrupt == OnCorrupt::ReadOnly) {
            auto ro = tryReadOnly(what);
            return ro ? std::move(ro) : tryTemporary(what);
        }
        const Result<QString> aside = moveAside(config.databasePath);
        if (!aside)
            return tryTemporary(what);
        auto fresh
            = outcome(SqlArchive::open(config), Mode::Fresh, config, problem,
                      QStringLiteral("The archive %1 is damaged (%2). It was moved to %3 and a new, empty "
                                     "archive was started.")
                          .arg(config.databasePath, problem.message, *aside));
        if (fresh)
            fresh.value().movedAsidePath = *aside;
        return fresh;
    }
    if (ArchiveError::is(problem, ArchiveError::Locked)
        || ArchiveError::is(problem, ArchiveError::NewerSchema)
        || ArchiveError::is(problem, ArchiveError::ReadOnly)) {
        auto ro = tryReadOnly(what);
        return ro ? std::move(ro) : tryTemporary(what);
    }
    return tryTemporary(what);
}

} // namespace iw
