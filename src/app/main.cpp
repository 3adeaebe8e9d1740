#include "app/DebugCounters.h"
#include "cli/CliApp.h"
#include "gui/ConnectionsController.h"
#include "gui/MainWindow.h"
#include "gui/OperationsPane.h"
#include "gui/Translations.h"
#include "models/OperationModel.h"
#include "monitor/OperationBackend.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"
#include "monitor/Session.h"
#include "store/ArchiveBatch.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

namespace {

// A few queued ingestions of made-up blobs, as an operator would submit them from the dialog.
void submitDemoIngestions(iw::Session &session)
{
    struct Seed
    {
        const char *db;
        const char *table;
        int blobs;
    };
    const Seed seeds[] = { { "Telemetry", "RawEvents", 2400 }, { "Telemetry", "Metrics", 1600 },
                           { "Sales", "Orders", 900 },         { "Logs", "AppTraces", 3000 },
                           { "Logs", "Audit", 150 },           { "Sales", "Returns", 60 } };
    for (const Seed &s : seeds) {
        iw::SubmitIngestionRequest r;
        r.database = QLatin1String(s.db);
        r.table = QLatin1String(s.table);
        for (int i = 0; i < s.blobs; ++i)
            r.blobUrls << QStringLiteral(
                              "https://demoaccount.blob.core.windows.net/landing/%1/%2/part-%3.csv.gz"
                              "?sv=2021-12-02&sig=demo")
                              .arg(r.database, r.table)
                              .arg(i, 5, 10, QLatin1Char('0'));
        session.operationMonitor()->submit(r);
    }
}

// The same names for the window and the command line: one settings file, one archive per profile.
void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("IngestWatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("IngestWatch"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("ingestwatch.github.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INGESTWATCH_VERSION));
    iw::installTranslations(*QCoreApplication::instance()); // system locale, or View > Language
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // `ingestwatch COMMAND ...`, --help, --version: no window, no display needed (src/cli).
    if (iw::CliApp::wantsCommandLine(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        iw::CliApp cli;
        return cli.run(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setDesktopFileName(QStringLiteral("io.github.ingestwatch.IngestWatch"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Watch and steer Azure Data Explorer (Kusto) queued ingestion."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption localBackend(
        QStringLiteral("local-backend"),
        QApplication::translate("main",
                                "Use the local backend (Azurite + ingestwatch-sim) described by FILE, "
                                "as written by scripts/backend (also: IW_LOCAL_BACKEND)."),
        QStringLiteral("FILE"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QApplication::translate("main", "Start on the profile NAME."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption archiveOption(QStringLiteral("archive"),
                                           QApplication::translate("main", "Use the archive FILE."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption trackOption(
        QStringLiteral("track"), QApplication::translate("main", "Track the operation ID (repeatable)."),
        QStringLiteral("ID"));
    const QCommandLineOption screenshotDir(
        QStringLiteral("screenshot-dir"),
        QApplication::translate("main",
                                "Grab the window and each pane to DIR/*.png after the delay, then quit."),
        QStringLiteral("DIR"));
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QApplication::translate("main", "Seconds to wait before the screenshots (default 12)."),
        QStringLiteral("SECONDS"), QStringLiteral("12"));
    const QCommandLineOption submitDemo(
        QStringLiteral("submit-demo"),
        QApplication::translate("main",
                                "Submit a few tracked demo ingestions at start (for the local backend)."));
    const QCommandLineOption demoCancel(
        QStringLiteral("demo-cancel"),
        QApplication::translate("main",
                                "Cancel the smallest in-progress operation after 8 s (for screenshots)."));
    const QCommandLineOption stallAfter(
        QStringLiteral("stall-after"),
        QApplication::translate("main",
                                "Flag an operation as stalled when its counts have not moved for SECONDS "
                                "(default: the saved setting, else 600)."),
        QStringLiteral("SECONDS"));
    parser.addOptions({ localBackend, profileOption, archiveOption, trackOption, submitDemo, demoCancel,
                        stallAfter, screenshotDir, screenshotDelay });
    parser.process(app);

    iw::ProfileStore profiles;
    // Secrets only in the OS keychain; without one, in memory for this session (the window says so).
    iw::FallbackSecretStore secrets(new iw::KeychainSecretStore(QStringLiteral("IngestWatch")));
    QSettings settings;
    int stallSecs = settings.value(QStringLiteral("operations/stallSecs"), 600).toInt();
    if (parser.isSet(stallAfter)) {
        stallSecs = parser.value(stallAfter).toInt();
        settings.setValue(QStringLiteral("operations/stallSecs"), stallSecs);
    }
    const QString archivePath = parser.value(archiveOption);
    auto makeSession = [&](const iw::ConnectionProfile &profile, iw::Session::Options options) {
        options.archivePath = archivePath;
        options.secrets = &secrets;
        auto session = std::make_unique<iw::Session>(profile, std::move(options));
        session->operationModel()->setStallThresholdSeconds(stallSecs);
        return session;
    };

    std::unique_ptr<iw::Session> session;
    QString backendFile = parser.value(localBackend);
    if (backendFile.isEmpty())
        backendFile = qEnvironmentVariable("IW_LOCAL_BACKEND");
    if (!backendFile.isEmpty()) {
        auto local = iw::Session::localBackend(backendFile);
        if (!local) {
            std::fprintf(stderr, "ingestwatch: %s\n", qPrintable(local.error().message));
            return 2;
        }
        session = makeSession(local.value().first, std::move(local.value().second));
    } else {
        const QString name
            = parser.isSet(profileOption) ? parser.value(profileOption) : profiles.activeProfileName();
        session = makeSession(profiles.profile(name).value_or(iw::ProfileStore::localProfile()), {});
    }
    iw::MainWindow window;
    window.connections()->setStores(&profiles, &secrets);
    QObject::connect(
        &secrets, &iw::FallbackSecretStore::keychainUnavailable, &window, [&window](const QString &reason) {
            window.showError(
                QApplication::translate("main", "Keychain"), iw::Error::make(iw::Error::Kind::Io, reason),
                QApplication::translate("main", "secrets are kept in memory for this session only"));
        });
    window.setSession(session.get());
    // Another profile chosen in the window: a new Session replaces the shown one (the old one goes after).
    QObject::connect(window.connections(), &iw::ConnectionsController::profileActivated, &window,
                     [&](const QString &name) {
                         const std::optional<iw::ConnectionProfile> next = profiles.profile(name);
                         if (!next)
                             return;
                         std::unique_ptr<iw::Session> old = std::exchange(session, makeSession(*next, {}));
                         window.setSession(session.get());
                         session->start();
                         old.release()->deleteLater();
                     });
    if (parser.isSet(screenshotDir))
        window.resize(1440, 900);
    window.show();
    session->start();
    const QStringList ids = parser.values(trackOption);
    if (!ids.isEmpty())
        session->operationMonitor()->track(ids, iw::TrackSource::Pasted);
    if (parser.isSet(submitDemo))
        submitDemoIngestions(*session);
    // Debug only (scripts/soak): IW_DEBUG_COUNTERS / IW_DEBUG_REFRESH_MS; nothing happens without them.
    iw::DebugCounters::fromEnvironment(
        { &app, session.get(), &window }, [&session] { session->refreshAll(); }, &window);

    if (parser.isSet(demoCancel)) {
        QTimer::singleShot(8000, &window, [&session] {
            const QList<iw::QueuedOperation> ops = session->operationModel()->operations();
            const iw::QueuedOperation *smallest = nullptr;
            for (const iw::QueuedOperation &op : ops)
                if (!iw::isTerminal(op.state) && (!smallest || op.discovered < smallest->discovered))
                    smallest = &op;
            if (smallest)
                session->operationMonitor()->cancel({ smallest->ingestionOperationId });
        });
    }
    if (parser.isSet(screenshotDir)) {
        const QString dir = parser.value(screenshotDir);
        const int delay = std::max(1, parser.value(screenshotDelay).toInt());
        // Shortly before: select the busiest operation so the details table has blobs in the pictures.
        QTimer::singleShot(std::max(500, delay * 1000 - 4000), &window, [&window, &session] {
            const QList<iw::QueuedOperation> ops = session->operationModel()->operations();
            const iw::QueuedOperation *best = nullptr;
            for (const iw::QueuedOperation &op : ops)
                if (!iw::isTerminal(op.state) && (!best || op.done() > best->done()))
                    best = &op;
            if (best)
                window.operationsPane()->selectOperation(best->ingestionOperationId);
        });
        QTimer::singleShot(delay * 1000, &window, [&window, dir] {
            const QStringList files = window.saveScreenshots(dir);
            for (const QString &f : files)
                std::printf("%s\n", qPrintable(QDir::toNativeSeparators(f)));
            std::fflush(stdout);
            QApplication::exit(files.isEmpty() ? 1 : 0);
        });
    }
    return QApplication::exec();
}
