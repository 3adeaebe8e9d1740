#include "cli/CliApp.h"

#include "azure/KustoClient.h"
#include "cli/CliExit.h"
#include "cli/CliFormat.h"
#include "core/CsvWriter.h"
#include "core/DateTimeText.h"
#include "core/KustoV1.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"
#include "models/OperationModel.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationBackend.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"
#include "monitor/Session.h"
#include "monitor/StatusMonitor.h"
#include "store/ArchiveCsvExporter.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace iw {

namespace {

void writeOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printLine(const QString &line)
{
    writeOut(line + QLatin1Char('\n'));
}

void printLines(const QStringList &lines)
{
    writeOut(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void printError(const QString &message)
{
    const QByteArray bytes = (QStringLiteral("ingestwatch: ") + message + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// Options that take a value, so that their value is not taken for the command (window options included).
const QStringList &valueOptions()
{
    static const QStringList names {
        // the command line's and the window's
        QStringLiteral("profile"),
        QStringLiteral("local-backend"),
        QStringLiteral("archive"),
        QStringLiteral("timeout"),
        QStringLiteral("status"),
        QStringLiteral("since"),
        QStringLiteral("csv"),
        QStringLiteral("interval"),
        QStringLiteral("track"),
        QStringLiteral("stall-after"),
        QStringLiteral("screenshot-dir"),
        QStringLiteral("screenshot-delay"),
        // Qt's own (QGuiApplication / QApplication), e.g. `ingestwatch -platform offscreen`
        QStringLiteral("platform"),
        QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"),
        QStringLiteral("plugin"),
        QStringLiteral("style"),
        QStringLiteral("stylesheet"),
        QStringLiteral("session"),
        QStringLiteral("display"),
        QStringLiteral("geometry"),
        QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowtitle"),
        QStringLiteral("qwindowicon"),
        QStringLiteral("title"),
        QStringLiteral("name"),
    };
    return names;
}

// Index of the command word in argv, or -1.
qsizetype commandIndex(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--"))
            return i + 1 < args.size() ? i + 1 : -1;
        if (!a.startsWith(QLatin1Char('-')) || a == QLatin1String("-"))
            return i;
        const QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        if (!name.contains(QLatin1Char('=')) && valueOptions().contains(name))
            ++i; // skip its value
    }
    return -1;
}

// isSet() without the warning QCommandLineParser prints for an option this command does not define.
bool given(const QCommandLineParser &parser, const char *name)
{
    return parser.optionNames().contains(QLatin1String(name));
}

int s_signalFds[2] = { -1, -1 };

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(s_signalFds[0], &c, 1);
}

} // namespace

CliApp::CliApp(QObject *parent) : QObject(parent) { }

CliApp::~CliApp()
{
    // Monitors and the archive go first: the writer commits what was submitted before it closes.
    m_session.reset();
}

QStringList CliApp::commands()
{
    return { QStringLiteral("ops"),      QStringLiteral("track"),    QStringLiteral("cancel"),
             QStringLiteral("statuses"), QStringLiteral("failures"), QStringLiteral("watch") };
}

bool CliApp::wantsCommandLine(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("--help-all")
            || a == QLatin1String("-v") || a == QLatin1String("--version"))
            return true;
    }
    return commandIndex(arguments) >= 0;
}

QString CliApp::usageText()
{
    return tr("Usage: ingestwatch [COMMAND] [OPTIONS]\n"
              "Watch and steer Azure Data Explorer (Kusto) queued ingestion.\n"
              "Without a command the window starts (window options: --local-backend FILE, --profile NAME,\n"
              "--archive FILE, --track ID, --submit-demo, --stall-after SECONDS).\n"
              "\n"
              "Commands:\n"
              "  ops [ID...] [--json]      One refresh of the tracked operations (all, or the ids given):\n"
              "                            state, database and table, counts, percent done, ETA.\n"
              "  track ID...               Track operations (GUIDs); the window shows them too.\n"
              "  cancel ID [--yes] [--json]\n"
              "                            Cancel an operation once. Asks on a terminal; elsewhere --yes\n"
              "                            is required. Prints the row the service returns.\n"
              "  statuses [--status S] [--since T] [--json | --csv FILE]\n"
              "                            The Azure status table, read in full once. S: Pending,\n"
              "                            Succeeded, Failed, Queued, Skipped, PartiallySucceeded.\n"
              "                            T: ISO 8601 time, or an age such as 90s, 15m, 2h, 7d.\n"
              "  failures [--peek | --consume] [--csv FILE]\n"
              "                            Failure notifications of the report queues. --peek (the\n"
              "                            default) leaves them for others; --consume takes every message\n"
              "                            of the report queues, each deleted only after it is committed\n"
              "                            to the archive.\n"
              "  watch [--interval S] [--until-done]\n"
              "                            Live progress of the tracked operations, every S seconds\n"
              "                            (default 5, at least 2); redraws on a terminal, one line per\n"
              "                            change when piped. Ctrl+C ends it (exit code 0).\n"
              "\n"
              "Options of every command:\n"
              "  --profile NAME            The connection profile (default: the window's active one).\n"
              "  --local-backend FILE      The local backend (Azurite + ingestwatch-sim) described by FILE,\n"
              "                            as written by scripts/backend --env-file (also: "
              "IW_LOCAL_BACKEND).\n"
              "  --archive FILE            The archive (default: the profile's, the one the window uses).\n"
              "  --timeout SECONDS         Give up after SECONDS (default 120; exit code 4).\n"
              "  -h, --help                This help.   -v, --version   The version.\n"
              "\n"
              "Environment: INGESTWATCH_CLIENT_SECRET is the client secret for a client-credentials\n"
              "sign-in to the local backend's token endpoint (never give secrets as arguments).\n"
              "\n"
              "Data goes to stdout, errors to stderr. Blob URLs are shown without SAS signatures.\n")
        + CliExit::helpText();
}

int CliApp::run(const QStringList &arguments)
{
    const qsizetype at = commandIndex(arguments);
    auto has = [&arguments](std::initializer_list<const char *> names) {
        for (const char *n : names)
            if (arguments.contains(QLatin1String(n)))
                return true;
        return false;
    };
    if (at < 0 || has({ "-h", "--help", "--help-all" })) {
        if (has({ "-h", "--help", "--help-all" })) {
            writeOut(usageText());
            return CliExit::Ok;
        }
        if (has({ "-v", "--version" })) {
            printLine(QStringLiteral("ingestwatch %1").arg(QLatin1String(INGESTWATCH_VERSION)));
            return CliExit::Ok;
        }
        printError(tr("no command given (see ingestwatch --help)"));
        return CliExit::Usage;
    }
    const QString command = arguments.at(at);
    if (!commands().contains(command)) {
        printError(tr("unknown command '%1'; the commands are: %2 (see ingestwatch --help)")
                       .arg(command, commands().join(QStringLiteral(", "))));
        return CliExit::Usage;
    }

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    auto valueOption = [&parser](const char *name, const char *valueName) {
        parser.addOption(
            QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(valueName)));
    };
    auto flag = [&parser](const char *name) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString()));
    };
    valueOption("profile", "NAME");
    valueOption("local-backend", "FILE");
    valueOption("archive", "FILE");
    valueOption("timeout", "SECONDS");
    parser.addOption(QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") }, QString()));
    parser.addOption(QCommandLineOption({ QStringLiteral("v"), QStringLiteral("version") }, QString()));
    if (command == QLatin1String("ops") || command == QLatin1String("cancel")
        || command == QLatin1String("statuses"))
        flag("json");
    if (command == QLatin1String("cancel"))
        flag("yes");
    if (command == QLatin1String("statuses")) {
        valueOption("status", "S");
        valueOption("since", "T");
    }
    if (command == QLatin1String("statuses") || command == QLatin1String("failures"))
        valueOption("csv", "FILE");
    if (command == QLatin1String("failures")) {
        flag("peek");
        flag("consume");
    }
    if (command == QLatin1String("watch")) {
        valueOption("interval", "SECONDS");
        flag("until-done");
    }
    QStringList rest = arguments;
    rest.removeAt(at);
    if (!parser.parse(rest)) {
        printError(tr("%1: %2 (see ingestwatch --help)").arg(command, parser.errorText()));
        return CliExit::Usage;
    }
    if (given(parser, "timeout")) {
        bool ok = false;
        m_timeoutSecs = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || m_timeoutSecs <= 0) {
            printError(tr("--timeout wants a number of seconds above 0"));
            return CliExit::Usage;
        }
    }

    int code = -1;
    QTimer::singleShot(0, this, [this, &code, command, &parser] {
        code = start(command, parser);
        if (code >= 0)
            finish(code);
    });
    const int loop = QCoreApplication::exec();
    return code >= 0 ? code : loop;
}

int CliApp::start(const QString &command, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    auto ids = [&args](QStringList *bad) {
        QStringList out;
        for (const QString &a : args) {
            const QString id = CliFormat::operationId(a);
            if (id.isEmpty())
                *bad << a;
            else if (!out.contains(id))
                out << id;
        }
        return out;
    };
    QStringList bad;
    const QStringList opIds = ids(&bad);
    const bool takesIds = command == QLatin1String("ops") || command == QLatin1String("track")
        || command == QLatin1String("cancel");
    if (!takesIds && !args.isEmpty()) {
        printError(tr("%1 takes no arguments: %2").arg(command, args.join(QLatin1Char(' '))));
        return CliExit::Usage;
    }
    if (takesIds && !bad.isEmpty()) {
        printError(tr("not an operation id (<token>;<token>;<GUID> or a GUID): %1")
                       .arg(bad.join(QStringLiteral(", "))));
        return CliExit::Usage;
    }
    if (command == QLatin1String("track") && opIds.isEmpty()) {
        printError(tr("track: give one or more operation ids"));
        return CliExit::Usage;
    }
    if (command == QLatin1String("cancel") && opIds.size() != 1) {
        printError(tr("cancel: give exactly one operation id"));
        return CliExit::Usage;
    }
    const bool yes = command == QLatin1String("cancel") && given(parser, "yes");
    if (command == QLatin1String("cancel") && !yes && !::isatty(STDIN_FILENO)) {
        printError(tr("cancel: stdin is not a terminal, so nobody can answer the question: add --yes to "
                      "cancel without asking"));
        return CliExit::Usage;
    }
    QString status, since, csv;
    if (command == QLatin1String("statuses")) {
        status = parser.value(QStringLiteral("status"));
        since = parser.value(QStringLiteral("since"));
        if (!status.isEmpty() && !operationStatusFromString(status)) {
            printError(tr("--status: unknown status '%1' (Pending, Succeeded, Failed, Queued, Skipped, "
                          "PartiallySucceeded)")
                           .arg(status));
            return CliExit::Usage;
        }
        if (!since.isEmpty() && !CliFormat::parseSince(since, QDateTime::currentDateTimeUtc())) {
            printError(
                tr("--since: '%1' is neither an ISO 8601 time nor an age like 15m, 2h, 7d").arg(since));
            return CliExit::Usage;
        }
    }
    if (command == QLatin1String("statuses") || command == QLatin1String("failures")) {
        csv = parser.value(QStringLiteral("csv"));
        if (given(parser, "csv") && csv.isEmpty()) {
            printError(tr("--csv wants a file name"));
            return CliExit::Usage;
        }
    }
    if (command == QLatin1String("statuses") && !csv.isEmpty() && given(parser, "json")) {
        printError(tr("statuses: --json and --csv exclude each other"));
        return CliExit::Usage;
    }
    if (command == QLatin1String("failures") && given(parser, "peek") && given(parser, "consume")) {
        printError(tr("failures: --peek and --consume exclude each other"));
        return CliExit::Usage;
    }
    int interval = 5;
    if (command == QLatin1String("watch") && given(parser, "interval")) {
        bool ok = false;
        interval = parser.value(QStringLiteral("interval")).toInt(&ok);
        if (!ok || interval <= 0) {
            printError(tr("--interval wants a number of seconds"));
            return CliExit::Usage;
        }
        interval = std::max(interval, 2);
    }

    if (auto code = openSession(parser))
        return *code;
    if (command != QLatin1String("watch")) {
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, [this] {
            fail(
                Error::make(Error::Kind::Timeout, tr("no answer within %1 s (--timeout)").arg(m_timeoutSecs)),
                tr("Gave up"));
        });
        m_deadline->start(m_timeoutSecs * 1000);
    }
    const bool json = given(parser, "json");
    if (command == QLatin1String("ops"))
        return runOps(opIds, json);
    if (command == QLatin1String("track"))
        return runTrack(opIds);
    if (command == QLatin1String("cancel"))
        return runCancel(opIds.first(), yes, json);
    if (command == QLatin1String("statuses"))
        return runStatuses(status, since, json, csv);
    if (command == QLatin1String("failures"))
        return runFailures(given(parser, "consume"), csv);
    return runWatch(interval, given(parser, "until-done"));
}

std::optional<int> CliApp::openSession(const QCommandLineParser &parser)
{
    ConnectionProfile profile;
    Session::Options options;
    QString backendFile = parser.value(QStringLiteral("local-backend"));
    const QString profileName = parser.value(QStringLiteral("profile"));
    if (backendFile.isEmpty() && profileName.isEmpty())
        backendFile = qEnvironmentVariable("IW_LOCAL_BACKEND");
    if (!backendFile.isEmpty()) {
        auto local = Session::localBackend(backendFile);
        if (!local) {
            printError(local.error().message);
            return local.error().kind == Error::Kind::Io ? CliExit::NotFound : CliExit::Usage;
        }
        profile = local.value().first;
        options = std::move(local.value().second);
    } else {
        ProfileStore profiles;
        const QString name = profileName.isEmpty() ? profiles.activeProfileName() : profileName;
        auto found = profiles.profile(name);
        if (!found && !profileName.isEmpty()) {
            printError(tr("no profile named '%1' (the window's Connections list them)").arg(profileName));
            return CliExit::NotFound;
        }
        profile = found.value_or(ProfileStore::localProfile());
        // The profile's secrets from the OS keychain, as the window reads them (in memory when none answers).
        options.secrets
            = new FallbackSecretStore(new KeychainSecretStore(QStringLiteral("IngestWatch"), this), this);
    }
    options.archivePath = parser.value(QStringLiteral("archive"));
    options.intervalSecs = 0; // no timers: every command polls exactly when it means to
    const QString secret = qEnvironmentVariable("INGESTWATCH_CLIENT_SECRET");
    if (!secret.isEmpty())
        options.clientSecret = secret;
    m_session = std::make_unique<Session>(profile, std::move(options));
    // Interactive sign-in from a terminal: what the window shows in its dialogs goes to stderr.
    connect(m_session.get(), &Session::deviceCodeReady, this,
            [this](const QString &code, const QUrl &uri, const QString &message, qint64) {
                if (m_deadline)
                    m_deadline->stop();
                printError(message.isEmpty()
                               ? tr("to sign in, open %1 and enter the code %2").arg(uri.toString(), code)
                               : message);
            });
    connect(m_session.get(), &Session::browserSignInStarted, this,
            [](const QUrl &url) { printError(tr("to sign in, open %1").arg(url.toString())); });
    if (!m_session->writer())
        printError(m_session->archiveNotice());
    return std::nullopt;
}

int CliApp::needBackend()
{
    if (m_session->operationBackend() && m_session->findChild<KustoClient *>())
        return -1;
    printError(m_session->backendNotice().isEmpty()
                   ? tr("profile '%1': no ingest endpoint to talk to").arg(m_session->profile().name)
                   : m_session->backendNotice());
    return CliExit::Auth;
}

// ---- ops -----------------------------------------------------------------------------------------------

QList<CliOperationRow> CliApp::operationRows(const QStringList &ids) const
{
    const OperationModel *model = m_session->operationModel();
    QList<CliOperationRow> rows;
    for (const QString &id : ids) {
        CliOperationRow r;
        const int row = model->rowForId(id);
        if (row < 0) {
            r.operation.ingestionOperationId = id;
            r.known = false;
        } else {
            r.operation = model->operationAt(row);
            r.blobsPerMinute = model->throughput(row);
            r.etaSeconds = model->etaSeconds(row);
        }
        rows << r;
    }
    return rows;
}

void CliApp::printOperations(const QList<CliOperationRow> &rows, bool json)
{
    if (json) {
        QJsonArray array;
        for (const CliOperationRow &r : rows)
            array.append(CliFormat::operationJson(r));
        writeOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return;
    }
    if (!rows.isEmpty())
        printLines(CliFormat::operationTable(rows));
}

int CliApp::runOps(const QStringList &ids, bool json)
{
    if (const int code = needBackend(); code >= 0)
        return code;
    OperationMonitor *monitor = m_session->operationMonitor();
    connect(monitor, &OperationMonitor::errorOccurred, this, &CliApp::remember);
    connect(monitor, &OperationMonitor::historyLoaded, this, [this, monitor, ids, json] {
        if (m_error) { // the archive could not be read: say so rather than "nothing tracked"
            failRemembered(tr("Reading the archive"));
            return;
        }
        if (monitor->trackedIds().isEmpty()) {
            printError(tr("no tracked operations (add some with: ingestwatch track ID)"));
            printOperations({}, json);
            finish(ids.isEmpty() ? CliExit::Ok : CliExit::NotFound);
        }
    });
    connect(monitor, &OperationMonitor::refreshed, this,
            [this, monitor, ids, json](const QDateTime &, bool ok) {
                if (!ok || m_error) {
                    failRemembered(tr("Refreshing the operations"));
                    return;
                }
                const QStringList tracked = monitor->trackedIds();
                QStringList wanted = ids.isEmpty() ? tracked : ids;
                QStringList notTracked;
                for (const QString &id : ids)
                    if (!tracked.contains(id))
                        notTracked << id;
                for (const QString &id : std::as_const(notTracked))
                    wanted.removeAll(id);
                const QList<CliOperationRow> rows = operationRows(wanted);
                printOperations(rows, json);
                int code = CliExit::Ok;
                for (const QString &id : std::as_const(notTracked)) {
                    printError(tr("%1 is not tracked (ingestwatch track %1)").arg(id));
                    code = CliExit::NotFound;
                }
                for (const CliOperationRow &r : rows)
                    if (!r.known) {
                        printError(tr("%1: the service returned no such operation")
                                       .arg(r.operation.ingestionOperationId));
                        if (!ids.isEmpty())
                            code = CliExit::NotFound;
                    }
                finish(code);
            });
    monitor->load();
    return -1;
}

// ---- track ---------------------------------------------------------------------------------------------

int CliApp::runTrack(const QStringList &ids)
{
    ArchiveWriter *writer = m_session->writer();
    ArchiveReader *reader = m_session->reader();
    if (!writer || !reader) {
        printError(tr("nothing tracked: the archive cannot be opened"));
        return CliExit::Failure;
    }
    TrackedOperationQuery q;
    q.operationIds = ids;
    reader->trackedOperations(q, [this, ids, writer](const Result<QList<TrackedOperation>> &known) {
        if (!known) {
            fail(known.error(), tr("Reading the tracked operations"));
            return;
        }
        QSet<QString> already;
        for (const TrackedOperation &t : known.value())
            if (t.isTracked())
                already.insert(t.operationId);
        ArchiveBatch batch;
        for (const QString &id : ids) {
            if (already.contains(id))
                continue;
            TrackRequest t;
            t.operationId = id;
            t.source = TrackSource::Pasted;
            t.addedOn = QDateTime::currentDateTimeUtc();
            batch.track << t;
        }
        auto report = [this, ids, already] {
            for (const QString &id : ids)
                printLine(already.contains(id) ? tr("already tracked %1").arg(id)
                                               : tr("tracking %1").arg(id));
            finish(CliExit::Ok);
        };
        if (batch.isEmpty()) {
            report();
            return;
        }
        writer->submit(std::move(batch), [this, report](const Result<ArchiveBatchSummary> &r) {
            if (!r)
                fail(r.error(), tr("Writing the archive"));
            else
                report();
        });
    });
    return -1;
}

// ---- cancel --------------------------------------------------------------------------------------------

int CliApp::runCancel(const QString &id, bool yes, bool json)
{
    if (const int code = needBackend(); code >= 0)
        return code;
    OperationBackend *backend = m_session->operationBackend();
    backend->show({ id }, [this, id, yes, json, backend](Result<QList<QueuedOperation>> shown) {
        if (!shown) {
            fail(shown.error(), tr("Reading operation %1").arg(id));
            return;
        }
        const auto it = std::find_if(shown->cbegin(), shown->cend(), [&id](const QueuedOperation &op) {
            return op.ingestionOperationId.compare(id, Qt::CaseInsensitive) == 0;
        });
        if (it == shown->cend()) {
            printError(tr("the service knows no operation %1").arg(id));
            finish(CliExit::NotFound);
            return;
        }
        const QueuedOperation op = *it;
        if (isTerminal(op.state)) {
            printOperations({ CliOperationRow { op, std::nullopt, std::nullopt, true } }, json);
            printError(tr("%1 is already %2: nothing to cancel").arg(id, toString(op.state)));
            finish(CliExit::Ok);
            return;
        }
        if (!yes) {
            // On a terminal (checked before): the operator answers. The deadline does not run meanwhile.
            if (m_deadline)
                m_deadline->stop();
            const QString question = tr("Cancel operation %1 on %2.%3, %4 pending? [y/N] ")
                                         .arg(id, op.database, op.table)
                                         .arg(op.pending);
            std::fputs(question.toLocal8Bit().constData(), stderr);
            std::fflush(stderr);
            char answer[64] = {};
            const bool got = std::fgets(answer, sizeof answer, stdin) != nullptr;
            const QString a = QString::fromLocal8Bit(answer).trimmed().toLower();
            if (!got || (a != QLatin1String("y") && a != QLatin1String("yes"))) {
                printError(tr("not canceled"));
                finish(CliExit::Failure);
                return;
            }
            if (m_deadline)
                m_deadline->start(m_timeoutSecs * 1000);
        }
        backend->cancel(id, [this, id, json](Result<QueuedOperation> r) {
            if (!r) {
                fail(r.error(), tr("Canceling %1").arg(id));
                return;
            }
            QueuedOperation row = r.value();
            if (row.ingestionOperationId.isEmpty())
                row.ingestionOperationId = id;
            auto done = [this, row, json] {
                printOperations({ CliOperationRow { row, std::nullopt, std::nullopt, true } }, json);
                if (row.pending > 0)
                    printError(tr("cancel is best effort: blobs already being ingested may still finish"));
                finish(CliExit::Ok);
            };
            // A tracked operation keeps its history: the returned row is archived like the window does.
            ArchiveReader *reader = m_session->reader();
            ArchiveWriter *writer = m_session->writer();
            if (!reader || !writer) {
                done();
                return;
            }
            TrackedOperationQuery q;
            q.operationIds = { id };
            reader->trackedOperations(q, [this, row, writer, done](const Result<QList<TrackedOperation>> &t) {
                const bool tracked = t && std::any_of(t->cbegin(), t->cend(), [](const TrackedOperation &o) {
                                         return o.isTracked();
                                     });
                if (!tracked) {
                    done();
                    return;
                }
                ArchiveBatch batch;
                batch.snapshots << SnapshotObservation { row, QDateTime::currentDateTimeUtc() };
                writer->submit(std::move(batch), [this, done](const Result<ArchiveBatchSummary> &s) {
                    if (!s)
                        printError(tr("the canceled row was not archived: %1").arg(s.error().toString()));
                    done();
                });
            });
        });
    });
    return -1;
}

// ---- statuses and failures -----------------------------------------------------------------------------

void CliApp::discover(const QString &resourceType, std::function<void(const QStringList &)> done)
{
    // The session's own client (Session::discoverStorage() would start every storage monitor at once).
    KustoClient *kusto = m_session->findChild<KustoClient *>();
    kusto->getIngestionResources(this, [this, resourceType, done](Result<QList<IngestionResource>> r) {
        if (!r) {
            fail(r.error(), tr("Reading .get ingestion resources"));
            return;
        }
        const QStringList uris = storageRootsOf(r.value(), resourceType);
        if (uris.isEmpty()) {
            printError(tr("the ingest endpoint lists no %1 in .get ingestion resources").arg(resourceType));
            finish(CliExit::NotFound);
            return;
        }
        done(uris);
    });
}

int CliApp::runStatuses(const QString &status, const QString &since, bool json, const QString &csv)
{
    if (const int code = needBackend(); code >= 0)
        return code;
    const std::optional<OperationStatus> wanted
        = status.isEmpty() ? std::nullopt : operationStatusFromString(status);
    const QDateTime from = since.isEmpty()
        ? QDateTime()
        : CliFormat::parseSince(since, QDateTime::currentDateTimeUtc()).value();
    StatusMonitor *monitor = m_session->statusMonitor();
    connect(monitor, &StatusMonitor::errorOccurred, this, &CliApp::remember);
    connect(monitor, &StatusMonitor::refreshed, this,
            [this, wanted, from, json, csv](const QDateTime &, bool ok) {
                if (!ok || m_error) {
                    failRemembered(tr("Reading the status table"));
                    return;
                }
                const IngestionStatusModel *model = m_session->statusModel();
                QList<IngestionStatus> rows;
                for (int i = 0; i < model->rowCount(); ++i) {
                    IngestionStatus s = model->statusAt(i);
                    if ((wanted && s.status != *wanted) || (from.isValid() && s.updatedOn < from))
                        continue;
                    rows << std::move(s);
                }
                std::stable_sort(rows.begin(), rows.end(),
                                 [](const IngestionStatus &a, const IngestionStatus &b) {
                                     return a.updatedOn < b.updatedOn;
                                 });
                if (!csv.isEmpty()) {
                    QSaveFile file(csv);
                    if (!file.open(QIODevice::WriteOnly)) {
                        fail(Error::make(Error::Kind::Io, file.errorString()), tr("Writing %1").arg(csv));
                        return;
                    }
                    Status written = Unit {};
                    {
                        CsvWriter writer(&file);
                        written = writer.writeHeader(CliFormat::statusHeader());
                        for (qsizetype i = 0; written && i < rows.size(); ++i)
                            written = writer.writeRow(CliFormat::statusCells(rows.at(i)));
                        if (written)
                            written = writer.flush();
                    }
                    if (!written || !file.commit()) {
                        fail(written ? Error::make(Error::Kind::Io, file.errorString()) : written.error(),
                             tr("Writing %1").arg(csv));
                        return;
                    }
                    printError(tr("%1 rows written to %2").arg(rows.size()).arg(csv));
                } else if (json) {
                    QJsonArray array;
                    for (const IngestionStatus &s : std::as_const(rows))
                        array.append(CliFormat::statusJson(s));
                    writeOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
                } else if (!rows.isEmpty()) {
                    printLines(CliFormat::statusTable(rows));
                }
                finish(CliExit::Ok);
            });
    discover(QStringLiteral("IngestionsStatusTable"), [this, monitor](const QStringList &uris) {
        if (auto s = monitor->setTableUri(uris.first()); !s) {
            fail(s.error(), tr("The status table URI"));
            return;
        }
        monitor->refresh();
    });
    return -1;
}

int CliApp::runFailures(bool consume, const QString &csv)
{
    if (const int code = needBackend(); code >= 0)
        return code;
    NotificationMonitor *monitor = m_session->notificationMonitor();
    if (consume && !monitor->canConsume()) {
        printError(
            tr("--consume needs the archive (messages are deleted only after they are committed to it)"));
        return CliExit::Failure;
    }
    connect(monitor, &NotificationMonitor::errorOccurred, this, &CliApp::remember);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto consumed = std::make_shared<qint64>(0);
    connect(monitor, &NotificationMonitor::consumed, this, [consumed](int n) { *consumed += n; });
    connect(
        monitor, &NotificationMonitor::refreshed, this,
        [this, monitor, consume, csv, started, consumed](const QDateTime &, bool ok) {
            if (!ok || m_error) {
                failRemembered(tr("Reading the report queues"));
                return;
            }
            // One refresh: a consume refresh drains each queue up to the monitor's bound (5,000 messages
            // or 10 s per queue), so a queue that is fed faster than that still ends the command.
            bool bounded = false;
            for (const NotificationMonitor::QueueState &q : monitor->queues())
                bounded
                    = bounded || (consume && q.lastRead >= NotificationMonitor::kDefaultConsumeMaxMessages);
            if (bounded)
                printError(tr("more messages are waiting than one run takes: run failures --consume again"));
            const NotificationModel *model = m_session->notificationModel();
            QList<IngestionNotification> rows;
            for (int i = 0; i < model->rowCount(); ++i)
                if (model->notificationAt(i).kind != IngestionNotification::Kind::Success)
                    rows << model->notificationAt(i);
            if (!csv.isEmpty()) {
                QSaveFile file(csv);
                if (!file.open(QIODevice::WriteOnly)) {
                    fail(Error::make(Error::Kind::Io, file.errorString()), tr("Writing %1").arg(csv));
                    return;
                }
                const QDateTime now = QDateTime::currentDateTimeUtc();
                Status written = Unit {};
                {
                    CsvWriter writer(&file);
                    written = writer.writeHeader(ArchiveCsvExporter::notificationHeader());
                    for (qsizetype i = 0; written && i < rows.size(); ++i) {
                        NotificationRecord r;
                        r.notification = rows.at(i);
                        r.eventTime = r.notification.when().isValid() ? r.notification.when()
                                                                      : r.notification.insertionTime;
                        r.firstSeenOn = started;
                        r.lastSeenOn = now;
                        if (consume)
                            r.consumedOn = now;
                        written = writer.writeRow(ArchiveCsvExporter::notificationRow(r));
                    }
                    if (written)
                        written = writer.flush();
                }
                if (!written || !file.commit()) {
                    fail(written ? Error::make(Error::Kind::Io, file.errorString()) : written.error(),
                         tr("Writing %1").arg(csv));
                    return;
                }
                printError(tr("%1 failures written to %2").arg(rows.size()).arg(csv));
            } else if (!rows.isEmpty()) {
                printLines(CliFormat::notificationTable(rows));
            }
            if (consume)
                printError(tr("%1 messages consumed: committed to the archive %2, then deleted from their "
                              "queue")
                               .arg(*consumed)
                               .arg(m_session->archivePath()));
            finish(CliExit::Ok);
        });
    discover(QStringLiteral("FailedIngestionsQueue"), [this, monitor, consume](const QStringList &uris) {
        if (auto s = monitor->setQueueUris(uris, {}); !s) {
            fail(s.error(), tr("The report queue URIs"));
            return;
        }
        if (consume)
            monitor->setMode(NotificationMonitor::Mode::Consume);
        monitor->refresh();
    });
    return -1;
}

// ---- watch ---------------------------------------------------------------------------------------------

int CliApp::runWatch(int intervalSecs, bool untilDone)
{
    if (const int code = needBackend(); code >= 0)
        return code;
    m_tty = ::isatty(STDOUT_FILENO);
    installSignalHandlers();
    OperationMonitor *monitor = m_session->operationMonitor();
    connect(monitor, &OperationMonitor::errorOccurred, this, [](const Error &e, const QString &context) {
        // The watch goes on: the next tick retries.
        printError(QStringLiteral("%1 %2: %3")
                       .arg(toDateTimeText(QDateTime::currentDateTimeUtc()).left(19), context, e.toString()));
    });
    connect(monitor, &OperationMonitor::historyLoaded, this, [this, monitor] {
        if (monitor->trackedIds().isEmpty()) {
            printError(tr("no tracked operations (add some with: ingestwatch track ID)"));
            finish(CliExit::Ok);
            return;
        }
        renderWatch(false);
    });
    connect(monitor, &OperationMonitor::refreshed, this,
            [this, monitor, untilDone](const QDateTime &, bool ok) {
                if (!ok)
                    return; // said on stderr already; the last rows stay on screen
                renderWatch(false);
                const QList<CliOperationRow> rows = operationRows(monitor->trackedIds());
                const bool allDone = std::all_of(rows.cbegin(), rows.cend(), [](const CliOperationRow &r) {
                    return r.known && isTerminal(r.operation.state);
                });
                if (untilDone && allDone)
                    finish(CliExit::Ok);
            });
    m_poll = new QTimer(this);
    m_poll->setInterval(intervalSecs * 1000);
    connect(m_poll, &QTimer::timeout, monitor, &OperationMonitor::refresh);
    m_poll->start();
    monitor->load();
    return -1;
}

void CliApp::renderWatch(bool final)
{
    const QList<CliOperationRow> rows = operationRows(m_session->operationMonitor()->trackedIds());
    const QString now = toDateTimeText(QDateTime::currentDateTimeUtc()).left(19) + QLatin1Char('Z');
    if (!m_tty) {
        for (const CliOperationRow &r : rows) {
            CliOperationRow key = r;
            key.etaSeconds.reset(); // a new line when state or counts move, not for every new estimate
            const QString line = CliFormat::operationLine(key);
            if (m_lastLine.value(r.operation.ingestionOperationId) == line)
                continue;
            m_lastLine.insert(r.operation.ingestionOperationId, line);
            printLine(now + QLatin1Char(' ') + CliFormat::operationLine(r));
        }
        return;
    }
    QStringList lines = CliFormat::operationTable(rows);
    lines << (final ? QString()
                    : tr("%1  refreshed every %2 s; Ctrl+C to quit").arg(now).arg(m_poll->interval() / 1000));
    QString text;
    if (m_drawnLines > 0)
        text += QStringLiteral("\x1b[%1A\x1b[J").arg(m_drawnLines); // back to the top of the last frame
    for (const QString &l : std::as_const(lines))
        text += l + QStringLiteral("\x1b[K\n");
    m_drawnLines = int(lines.size());
    writeOut(text);
}

void CliApp::installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFds) != 0)
        return;
    m_signals = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, this);
    connect(m_signals, &QSocketNotifier::activated, this, [this] {
        char c;
        [[maybe_unused]] const ssize_t n = ::read(s_signalFds[1], &c, 1);
        if (m_tty && m_drawnLines > 0)
            writeOut(QStringLiteral("\n"));
        finish(CliExit::Ok);
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

// ---- errors and the end --------------------------------------------------------------------------------

void CliApp::remember(const Error &error, const QString &context)
{
    if (!m_error) {
        m_error = error;
        m_errorContext = context;
    }
}

void CliApp::fail(const Error &error, const QString &context)
{
    if (m_finished)
        return;
    printError(context.isEmpty() ? error.toString() : context + QStringLiteral(": ") + error.toString());
    finish(CliExit::forError(error));
}

void CliApp::failRemembered(const QString &fallback)
{
    if (m_error)
        fail(*m_error, m_errorContext.isEmpty() ? fallback : m_errorContext);
    else
        fail(Error::make(Error::Kind::Http, tr("failed")), fallback);
}

void CliApp::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_deadline)
        m_deadline->stop();
    if (m_poll)
        m_poll->stop();
    QCoreApplication::exit(code);
}

} // namespace iw
