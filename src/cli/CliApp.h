#pragma once

#include "core/Result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QCommandLineParser;
class QSocketNotifier;
class QTimer;

namespace iw {

class Session;
struct CliOperationRow;

// `ingestwatch COMMAND ...`: the window's Session (profile, archive, clients, monitors) on a
// QCoreApplication, for scripts. One method per command; data on stdout, errors on stderr, the exit codes
// of CliExit. Nothing waits on the network outside the event loop; `--timeout` bounds every command but
// `watch`.
//
//   ops [ID...] [--json]            one refresh of the tracked operations (all, or the ids given)
//   track ID...                     adds GUIDs to the archive's tracked operations (the window sees them)
//   cancel ID [--yes] [--json]      `.cancel queued ingestion operation` once, after a question on a TTY
//   statuses [--status S] [--since T] [--json | --csv FILE]
//   failures [--peek | --consume] [--csv FILE]
//   watch [--interval S] [--until-done]
class CliApp : public QObject
{
    Q_OBJECT
public:
    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    static QStringList commands();
    // True when argv asks for the command line: a word that is not an option (a command, known or not),
    // or --help / --version. Otherwise the window starts.
    static bool wantsCommandLine(const QStringList &arguments);
    // Runs the command (the event loop only while it needs one) and returns the exit code.
    int run(const QStringList &arguments);

    static QString usageText();

private:
    int start(const QString &command, const QCommandLineParser &parser);
    std::optional<int> openSession(const QCommandLineParser &parser);
    int needBackend();

    int runOps(const QStringList &ids, bool json);
    int runTrack(const QStringList &ids);
    int runCancel(const QString &id, bool yes, bool json);
    int runStatuses(const QString &status, const QString &since, bool json, const QString &csv);
    int runFailures(bool consume, const QString &csv);
    int runWatch(int intervalSecs, bool untilDone);

    // `.get ingestion resources` on the session's client, then `done` with the SAS URIs of that type.
    void discover(const QString &resourceType, std::function<void(const QStringList &uris)> done);
    QList<CliOperationRow> operationRows(const QStringList &ids) const;
    void printOperations(const QList<CliOperationRow> &rows, bool json);
    void renderWatch(bool final);
    void installSignalHandlers();

    void remember(const Error &error, const QString &context);
    void fail(const Error &error, const QString &context);
    void failRemembered(const QString &fallback);
    void finish(int code);

    std::unique_ptr<Session> m_session;
    std::optional<Error> m_error;
    QString m_errorContext;
    QTimer *m_deadline = nullptr;
    int m_timeoutSecs = 120;
    bool m_finished = false;
    // watch
    QTimer *m_poll = nullptr;
    QSocketNotifier *m_signals = nullptr;
    bool m_tty = false;
    int m_drawnLines = 0;
    QHash<QString, QString> m_lastLine;
};

} // namespace iw
