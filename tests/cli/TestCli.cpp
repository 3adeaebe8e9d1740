// The real `ingestwatch` binary run as a script would run it (QProcess, no display, stdin not a terminal)
// against a real Azurite + ingestwatch-sim: exit codes, stdout, stderr, and what it did to the simulator,
// the status table, the report queues and the archive, checked over the wire and in the SQLite file.
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/QueueClient.h"
#include "azure/StorageCredential.h"
#include "azure/TableClient.h"
#include "azure/TokenProvider.h"
#include "core/ConnectionString.h"
#include "core/CsvReader.h"
#include "core/NotificationParser.h"
#include "core/StorageUri.h"
#include "core/TableEntityStatus.h"
#include "monitor/ProfileStore.h"
#include "store/Archive.h"
#include "store/ArchiveCsvExporter.h"
#include "store/ArchiveReader.h"

#include "AzuriteProcess.h"
#include "SimulatorProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <memory>
#include <optional>

using namespace iw;
using iw::test::AzuriteProcess;
using iw::test::SimulatorProcess;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

template<typename T>
std::optional<Result<T>> await(std::function<void(std::function<void(Result<T>)>)> call, int ms = 20000)
{
    std::optional<Result<T>> result;
    call([&result](Result<T> r) { result.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, ms);
    return result;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimulatorProcess m_sim;
    std::unique_ptr<HttpPipeline> m_pipeline;
    std::unique_ptr<StaticTokenProvider> m_tokens;
    std::unique_ptr<KustoClient> m_kusto;
    QHash<QString, QString> m_resources; // ResourceTypeName -> SAS URI
    QString m_backendFile;
    QString m_op1, m_op2;

    QString archive() const { return m_dir.filePath(QStringLiteral("archive.sqlite")); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No display of any kind: the command line must not need one.
        for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "IW_LOCAL_BACKEND",
                                  "INGESTWATCH_CLIENT_SECRET" })
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        return env;
    }

    QProcess *startCli(const QStringList &args, const QProcessEnvironment &env)
    {
        auto *p = new QProcess(this);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(IW_INGESTWATCH_BIN), args);
        p->closeWriteChannel(); // stdin: an empty pipe, not a terminal
        return p;
    }

    Run cli(const QStringList &args, const QProcessEnvironment &extra = {}, int ms = 90000)
    {
        QProcessEnvironment env = environment();
        for (const QString &k : extra.keys())
            env.insert(k, extra.value(k));
        QProcess *p = startCli(args, env);
        Run r;
        if (!p->waitForStarted(20000) || !p->waitForFinished(ms)) {
            p->kill();
            p->waitForFinished(5000);
            r.err = QStringLiteral("did not finish: ") + QString::fromUtf8(p->readAllStandardError());
            delete p;
            return r;
        }
        r.code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -2;
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err = QString::fromUtf8(p->readAllStandardError());
        delete p;
        return r;
    }

    // A command against the local backend with this test's archive.
    Run local(QStringList args)
    {
        args << QStringLiteral("--local-backend") << m_backendFile << QStringLiteral("--archive")
             << archive();
        return cli(args);
    }

    static QString why(const Run &r)
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.code).arg(r.out, r.err);
    }

    StorageUri uri(const QString &type) const { return StorageUri::parse(m_resources.value(type)).value(); }

    std::optional<QueuedOperation> show(const QString &id)
    {
        auto r = await<QList<QueuedOperation>>([&](auto cb) { m_kusto->showOperations({ id }, this, cb); });
        if (!r || !r->ok() || r->value().isEmpty())
            return std::nullopt;
        return r->value().first();
    }

    qint64 queueCount(const QString &type)
    {
        const StorageUri q = uri(type);
        auto account = ConnectionString::parse(m_sim.storageConnectionString());
        if (!account)
            return -2;
        auto config = StorageServiceConfig::queueFromConnectionString(account.value());
        if (!config)
            return -2;
        QueueClient client(m_pipeline.get(), config.value());
        auto r = await<qint64>([&](auto cb) { client.approximateMessageCount(q.resourceName, this, cb); });
        return r && r->ok() ? r->value() : -1;
    }

    static QList<QStringList> readCsv(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        auto rows = CsvReader::parse(f.readAll());
        return rows ? rows.value() : QList<QStringList>();
    }

    static QJsonArray jsonArray(const QString &text)
    {
        return QJsonDocument::fromJson(text.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(IW_INGESTWATCH_BIN)), IW_INGESTWATCH_BIN);
        // Slow blobs: the operations stay InProgress with Pending blobs for the whole test.
        QVERIFY2(
            m_sim.start({ QStringLiteral("--print-token"), QStringLiteral("--rate"), QStringLiteral("0.05"),
                          QStringLiteral("--processing-ms"), QStringLiteral("600000") },
                        SimulatorProcess::Storage::Azurite),
            qPrintable(m_sim.errorString()));
        m_backendFile = m_dir.filePath(QStringLiteral("backend.env"));
        QFile f(m_backendFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("INGESTWATCH_CLUSTER_URL=%1\nINGESTWATCH_SIM_TOKEN=%2\n")
                    .arg(m_sim.url().toString(), m_sim.token())
                    .toUtf8());
        f.close();

        m_pipeline = std::make_unique<HttpPipeline>();
        m_tokens = std::make_unique<StaticTokenProvider>(m_sim.token());
        m_kusto = std::make_unique<KustoClient>(m_pipeline.get(), m_sim.url(), m_tokens.get());
        auto res
            = await<QList<IngestionResource>>([&](auto cb) { m_kusto->getIngestionResources(this, cb); });
        QVERIFY(res && res->ok());
        for (const IngestionResource &r : res->value())
            m_resources.insert(r.resourceTypeName, r.storageRoot);

        // Two tracked-style operations of 20 blobs each.
        for (QString *id : { &m_op1, &m_op2 }) {
            QStringList blobs;
            for (int i = 0; i < 20; ++i)
                blobs << QStringLiteral(
                             "https://acct.blob.core.windows.net/c/part-%1.csv?sv=2021&sig=SECRETSIG")
                             .arg(i);
            auto s = await<QueuedIngestionSubmission>([&](auto cb) {
                m_kusto->ingestFromStorageQueued(QStringLiteral("CliDb"), QStringLiteral("Events"), blobs, {},
                                                 this, cb);
            });
            QVERIFY(s && s->ok());
            *id = s->value().ingestionOperationId;
        }

        // The status table: what the service writes (three Failed, two Succeeded, one Pending).
        const StorageUri table = uri(QStringLiteral("IngestionsStatusTable"));
        TableClient tables(m_pipeline.get(), StorageServiceConfig::fromStorageUri(table));
        const OperationStatus statuses[]
            = { OperationStatus::Failed,    OperationStatus::Failed,    OperationStatus::Failed,
                OperationStatus::Succeeded, OperationStatus::Succeeded, OperationStatus::Pending };
        for (OperationStatus st : statuses) {
            IngestionStatus s;
            s.ingestionSourceId = newId();
            s.partitionKey = s.ingestionSourceId;
            s.rowKey = s.ingestionSourceId;
            s.status = st;
            s.ingestionSourcePath
                = QStringLiteral("https://acct.blob.core.windows.net/c/%1.csv?sv=2021&sig=SECRETSIG")
                      .arg(s.ingestionSourceId);
            s.database = QStringLiteral("CliDb");
            s.table = QStringLiteral("Events");
            s.updatedOn = QDateTime::currentDateTimeUtc();
            s.operationId = newId();
            s.activityId = newId();
            if (st == OperationStatus::Failed) {
                s.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
                s.failureStatus = FailureStatus::Permanent;
                s.details = QStringLiteral("=HYPERLINK(\"http://evil\")");
            }
            auto r = await<TableEntity>([&](auto cb) {
                tables.insertEntity(table.resourceName, TableEntityStatus::fromIngestionStatus(s), this, cb);
            });
            QVERIFY(r && r->ok());
        }

        // Three failure notifications in the first failure queue.
        // Posted with the account key as the service does (the SAS handed out to clients reads only).
        const StorageUri failed = uri(QStringLiteral("FailedIngestionsQueue"));
        auto account = ConnectionString::parse(m_sim.storageConnectionString());
        QVERIFY(account);
        auto queueConfig = StorageServiceConfig::queueFromConnectionString(account.value());
        QVERIFY(queueConfig);
        QueueClient queue(m_pipeline.get(), queueConfig.value());
        auto created = await<Unit>([&](auto cb) { queue.createQueue(failed.resourceName, this, cb); });
        QVERIFY(created);
        for (int i = 0; i < 3; ++i) {
            IngestionNotification n;
            n.kind = IngestionNotification::Kind::Failure;
            n.operationId = newId();
            n.database = QStringLiteral("CliDb");
            n.table = QStringLiteral("Events");
            n.failedOn = QDateTime::currentDateTimeUtc();
            n.ingestionSourceId = newId();
            n.ingestionSourcePath
                = QStringLiteral("https://acct.blob.core.windows.net/c/f%1.csv?sv=2021&sig=SECRETSIG").arg(i);
            n.rootActivityId = newId();
            n.details = i == 0 ? QStringLiteral("=1+1") : QStringLiteral("bad quote, line %1").arg(i);
            n.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
            n.failureStatus = FailureStatus::Permanent;
            auto r = await<QueueMessage>([&](auto cb) {
                queue.putMessage(failed.resourceName, QString::fromLatin1(toNotificationJson(n).toBase64()),
                                 this, cb);
            });
            QVERIFY2(r && r->ok(), r && !r->ok() ? qPrintable(r->error().toString()) : "timeout");
        }
    }

    void versionAndHelpNeedNoDisplay()
    {
        const Run v = cli({ QStringLiteral("--version") });
        QVERIFY2(v.code == 0, qPrintable(why(v)));
        QCOMPARE(v.out.trimmed(), QStringLiteral("ingestwatch " INGESTWATCH_VERSION));
        const Run h = cli({ QStringLiteral("--help") });
        QVERIFY2(h.code == 0, qPrintable(why(h)));
        for (const char *word : { "ops", "track", "cancel", "statuses", "failures", "watch", "--profile",
                                  "--local-backend", "--archive", "--json", "--csv", "--yes", "Exit codes" })
            QVERIFY2(h.out.contains(QLatin1String(word)), word);
        for (const char *code : { "0  ok", "2  usage", "3  sign-in", "4  network", "5  not found" })
            QVERIFY2(h.out.contains(QLatin1String(code)), code);
        QVERIFY(h.err.isEmpty());
    }

    void usageErrorsExitTwo()
    {
        const QList<QStringList> cases {
            { QStringLiteral("frobnicate") },
            { QStringLiteral("ops"), QStringLiteral("--bogus") },
            { QStringLiteral("track"), QStringLiteral("not-a-guid") },
            { QStringLiteral("track") },
            { QStringLiteral("statuses"), QStringLiteral("--status"), QStringLiteral("Nope") },
            { QStringLiteral("statuses"), QStringLiteral("--since"), QStringLiteral("yesterday-ish") },
            { QStringLiteral("failures"), QStringLiteral("--peek"), QStringLiteral("--consume") },
        };
        for (const QStringList &args : cases) {
            const Run r = local(args);
            QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + why(r)));
            QVERIFY2(r.err.startsWith(QLatin1String("ingestwatch: ")), qPrintable(why(r)));
            QVERIFY(r.out.isEmpty());
        }
        QVERIFY(local({ QStringLiteral("frobnicate") }).err.contains(QLatin1String("unknown command")));
    }

    void trackThenOpsShowsCounts()
    {
        const Run t = local({ QStringLiteral("track"), m_op1, m_op2 });
        QVERIFY2(t.code == 0, qPrintable(why(t)));
        QVERIFY(t.out.contains(QStringLiteral("tracking %1").arg(m_op1)));
        QVERIFY(t.out.contains(QStringLiteral("tracking %1").arg(m_op2)));
        const Run again = local({ QStringLiteral("track"), m_op1 });
        QVERIFY2(again.code == 0, qPrintable(why(again)));
        QVERIFY(again.out.contains(QStringLiteral("already tracked %1").arg(m_op1)));

        // The archive the window opens has them.
        // The rows of the local profile, the one --local-backend uses.
        ArchiveReader reader(ArchiveConfig::sqlite(ProfileStore::localProfileName(), archive()));
        auto tracked = await<QList<TrackedOperation>>([&](auto cb) {
            reader.trackedOperations({}, [cb](const Result<QList<TrackedOperation>> &r) { cb(r); });
        });
        QVERIFY(tracked && tracked->ok());
        QStringList ids;
        for (const TrackedOperation &op : tracked->value())
            if (op.isTracked())
                ids << op.operationId;
        ids.sort();
        QStringList expected { m_op1, m_op2 };
        expected.sort();
        QCOMPARE(ids, expected);

        const Run ops = local({ QStringLiteral("ops"), QStringLiteral("--json") });
        QVERIFY2(ops.code == 0, qPrintable(why(ops)));
        const QJsonArray rows = jsonArray(ops.out);
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(QStringLiteral("IngestionOperationId")).toString() == m_op1
                    || o.value(QStringLiteral("IngestionOperationId")).toString() == m_op2);
            QCOMPARE(o.value(QStringLiteral("State")).toString(), QStringLiteral("InProgress"));
            QCOMPARE(o.value(QStringLiteral("Discovered")).toInt(), 20);
            QVERIFY(o.value(QStringLiteral("Pending")).toInt() > 0);
            QCOMPARE(o.value(QStringLiteral("Database")).toString(), QStringLiteral("CliDb"));
            QCOMPARE(o.value(QStringLiteral("Table")).toString(), QStringLiteral("Events"));
            QVERIFY(o.contains(QStringLiteral("PercentDone")));
        }

        const Run table = local({ QStringLiteral("ops"), m_op1 });
        QVERIFY2(table.code == 0, qPrintable(why(table)));
        const QStringList lines = table.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2); // header + the one asked for
        QVERIFY(lines.at(0).startsWith(QLatin1String("IngestionOperationId")));
        QVERIFY(lines.at(1).startsWith(m_op1));
        QVERIFY(lines.at(1).contains(QLatin1String("InProgress")));
        QVERIFY(lines.at(1).contains(QLatin1String("CliDb.Events")));
    }

    void cancelOffTerminalNeedsYes()
    {
        const Run r = local({ QStringLiteral("cancel"), m_op1 });
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QLatin1String("--yes")), qPrintable(why(r)));
        const auto op = show(m_op1);
        QVERIFY(op.has_value());
        QCOMPARE(toString(op->state), QStringLiteral("InProgress")); // nothing was sent
        QCOMPARE(op->canceled, qint64(0));
    }

    void cancelWithYes()
    {
        const Run r
            = local({ QStringLiteral("cancel"), m_op1, QStringLiteral("--yes"), QStringLiteral("--json") });
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        const QJsonArray rows = jsonArray(r.out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("State")).toString(), QStringLiteral("Canceled"));
        const auto op = show(m_op1);
        QVERIFY(op.has_value());
        QCOMPARE(toString(op->state), QStringLiteral("Canceled"));
        QVERIFY(op->canceled > 0);
        // The other operation is untouched; ops now reports the canceled one from the service.
        QCOMPARE(toString(show(m_op2)->state), QStringLiteral("InProgress"));
        const Run ops = local({ QStringLiteral("ops"), m_op1, QStringLiteral("--json") });
        QVERIFY2(ops.code == 0, qPrintable(why(ops)));
        QCOMPARE(jsonArray(ops.out).at(0).toObject().value(QStringLiteral("State")).toString(),
                 QStringLiteral("Canceled"));
    }

    void unknownOperationExitsFive()
    {
        const QString unknown = newId();
        const Run c = local({ QStringLiteral("cancel"), unknown, QStringLiteral("--yes") });
        QVERIFY2(c.code == 5, qPrintable(why(c)));
        QVERIFY(c.err.contains(unknown));
        const Run o = local({ QStringLiteral("ops"), unknown });
        QVERIFY2(o.code == 5, qPrintable(why(o)));
    }

    void statusesFiltersByStatus()
    {
        const Run failed = local({ QStringLiteral("statuses"), QStringLiteral("--status"),
                                   QStringLiteral("Failed"), QStringLiteral("--json") });
        QVERIFY2(failed.code == 0, qPrintable(why(failed)));
        const QJsonArray rows = jsonArray(failed.out);
        QCOMPARE(rows.size(), 3);
        for (const QJsonValue &v : rows) {
            QCOMPARE(v.toObject().value(QStringLiteral("Status")).toString(), QStringLiteral("Failed"));
            QCOMPARE(v.toObject().value(QStringLiteral("ErrorCode")).toString(),
                     QStringLiteral("Stream_ClosingQuoteMissing"));
        }
        QVERIFY(!failed.out.contains(QLatin1String("SECRETSIG")));

        const Run all
            = local({ QStringLiteral("statuses"), QStringLiteral("--since"), QStringLiteral("1h") });
        QVERIFY2(all.code == 0, qPrintable(why(all)));
        QCOMPARE(all.out.trimmed().split(QLatin1Char('\n')).size(), 1 + 6);

        const QString csv = m_dir.filePath(QStringLiteral("statuses.csv"));
        const Run c = local({ QStringLiteral("statuses"), QStringLiteral("--csv"), csv });
        QVERIFY2(c.code == 0, qPrintable(why(c)));
        const QList<QStringList> parsed = readCsv(csv);
        QCOMPARE(parsed.size(), 1 + 6);
        QCOMPARE(parsed.first().first(), QStringLiteral("Status"));
        const qsizetype details = parsed.first().indexOf(QStringLiteral("Details"));
        const qsizetype path = parsed.first().indexOf(QStringLiteral("IngestionSourcePath"));
        QVERIFY(details > 0 && path > 0);
        int neutralised = 0;
        for (const QStringList &row : parsed.mid(1)) {
            QVERIFY(!row.at(path).contains(QLatin1String("SECRETSIG")));
            if (row.at(details).startsWith(QLatin1String("'=HYPERLINK")))
                ++neutralised;
        }
        QCOMPARE(neutralised, 3);
    }

    void failuresPeekKeepsConsumeTakes()
    {
        QCOMPARE(queueCount(QStringLiteral("FailedIngestionsQueue")), qint64(3));
        const QString peek = m_dir.filePath(QStringLiteral("peek.csv"));
        const Run p = local({ QStringLiteral("failures"), QStringLiteral("--csv"), peek });
        QVERIFY2(p.code == 0, qPrintable(why(p)));
        QCOMPARE(readCsv(peek).size(), 1 + 3);
        QCOMPARE(queueCount(QStringLiteral("FailedIngestionsQueue")), qint64(3)); // still there

        const QString consumed = m_dir.filePath(QStringLiteral("consumed.csv"));
        const Run c = local(
            { QStringLiteral("failures"), QStringLiteral("--consume"), QStringLiteral("--csv"), consumed });
        QVERIFY2(c.code == 0, qPrintable(why(c)));
        QCOMPARE(queueCount(QStringLiteral("FailedIngestionsQueue")), qint64(0));
        const QList<QStringList> rows = readCsv(consumed);
        QCOMPARE(rows.size(), 1 + 3);
        const QStringList header = rows.first();
        QCOMPARE(header, ArchiveCsvExporter::notificationHeader());
        const qsizetype kind = header.indexOf(QStringLiteral("Kind"));
        const qsizetype code = header.indexOf(QStringLiteral("ErrorCode"));
        const qsizetype details = header.indexOf(QStringLiteral("Details"));
        const qsizetype consumedOn = header.indexOf(QStringLiteral("ConsumedOn"));
        int formula = 0;
        for (const QStringList &row : rows.mid(1)) {
            QCOMPARE(row.at(kind), QStringLiteral("Failure"));
            QCOMPARE(row.at(code), QStringLiteral("Stream_ClosingQuoteMissing"));
            QVERIFY(!row.at(consumedOn).isEmpty());
            QVERIFY(!row.join(QLatin1Char(',')).contains(QLatin1String("SECRETSIG")));
            formula += row.at(details) == QLatin1String("'=1+1");
        }
        QCOMPARE(formula, 1);

        // Committed to the archive before they were deleted: the three are there, consumed.
        // The rows of the local profile, the one --local-backend uses.
        ArchiveReader reader(ArchiveConfig::sqlite(ProfileStore::localProfileName(), archive()));
        auto count = await<qint64>([&](auto cb) {
            reader.run<qint64>(
                [](Archive &a) -> Result<qint64> {
                    NotificationQuery q;
                    q.consumed = true;
                    qint64 n = 0;
                    auto r = a.forEachNotification(q, [&n](const NotificationRecord &) {
                        ++n;
                        return true;
                    });
                    if (!r)
                        return r.error();
                    return n;
                },
                [cb](const Result<qint64> &r) { cb(r); });
        });
        QVERIFY(count && count->ok());
        QCOMPARE(count->value(), qint64(3));
    }

    void watchPipedPrintsLinesAndStopsOnSigint()
    {
        QStringList args { QStringLiteral("watch"),
                           QStringLiteral("--interval"),
                           QStringLiteral("2"),
                           QStringLiteral("--local-backend"),
                           m_backendFile,
                           QStringLiteral("--archive"),
                           archive() };
        QProcess *p = startCli(args, environment());
        QVERIFY(p->waitForStarted(20000));
        QString out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += QString::fromUtf8(p->readAllStandardOutput());
                return out.contains(m_op1) && out.contains(m_op2);
            },
            60000));
        const QStringList lines = out.trimmed().split(QLatin1Char('\n'));
        QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [this](const QString &l) {
            return l.contains(m_op2) && l.contains(QLatin1String("InProgress"))
                && l.contains(QLatin1String("Discovered=20"));
        }));
        QVERIFY(!out.contains(QLatin1String("\x1b["))); // no terminal codes in a pipe
        // Refreshes that change nothing add no line: the canceled operation was printed once.
        QTest::qWait(4500); // two more refreshes
        out += QString::fromUtf8(p->readAllStandardOutput());
        QCOMPARE(out.count(m_op1), 1);
        ::kill(pid_t(p->processId()), SIGINT);
        QVERIFY(p->waitForFinished(20000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
        delete p;
    }

    // On a terminal (a pty from util-linux `script`), cancel asks first and does only what it was told.
    void cancelOnTerminalAsks()
    {
        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        QVERIFY2(!script.isEmpty(), "util-linux script (package bsdutils) not found");
        auto onTerminal = [&](const QString &answer) {
            const QString command
                = QStringLiteral("'%1' cancel '%2' --local-backend '%3' --archive '%4'")
                      .arg(QStringLiteral(IW_INGESTWATCH_BIN), m_op2, m_backendFile, archive());
            QProcess p;
            p.setProcessEnvironment(environment());
            p.start(script, { QStringLiteral("-qec"), command, QStringLiteral("/dev/null") });
            if (!p.waitForStarted(20000))
                return Run {};
            QTest::qWait(500);
            p.write(answer.toUtf8());
            p.closeWriteChannel();
            Run r;
            if (!p.waitForFinished(90000)) {
                p.kill();
                p.waitForFinished(5000);
                return r;
            }
            r.code = p.exitCode();
            r.out = QString::fromUtf8(p.readAllStandardOutput()); // the pty mixes stdout and stderr
            return r;
        };
        const Run no = onTerminal(QStringLiteral("n\n"));
        QVERIFY2(no.code == 1, qPrintable(why(no)));
        QVERIFY2(no.out.contains(QStringLiteral("Cancel operation %1 on CliDb.Events, ").arg(m_op2)),
                 qPrintable(why(no)));
        QVERIFY(no.out.contains(QLatin1String("pending? [y/N]")));
        QCOMPARE(toString(show(m_op2)->state), QStringLiteral("InProgress"));
        QCOMPARE(show(m_op2)->canceled, qint64(0));

        const Run yes = onTerminal(QStringLiteral("y\n"));
        QVERIFY2(yes.code == 0, qPrintable(why(yes)));
        QCOMPARE(toString(show(m_op2)->state), QStringLiteral("Canceled"));
    }

    // Both operations are canceled by now: watch --until-done prints them once and ends by itself.
    void watchUntilDoneEnds()
    {
        const Run r = local({ QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("2"),
                              QStringLiteral("--until-done") });
        QVERIFY2(r.code == 0, qPrintable(why(r)));
        QCOMPARE(r.out.count(QLatin1String(" Canceled CliDb.Events ")), 2);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2);
    }

    void deadEndpointExitsFour()
    {
        const QString file = m_dir.filePath(QStringLiteral("dead.env"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("INGESTWATCH_CLUSTER_URL=http://127.0.0.1:%1\nINGESTWATCH_SIM_TOKEN=x\n")
                    .arg(AzuriteProcess::freePort())
                    .toUtf8());
        f.close();
        const Run r = cli({ QStringLiteral("statuses"), QStringLiteral("--local-backend"), file,
                            QStringLiteral("--archive"), m_dir.filePath(QStringLiteral("dead.sqlite")) });
        QVERIFY2(r.code == 4, qPrintable(why(r)));
        QVERIFY(r.out.isEmpty());
    }

    void wrongClientSecretExitsThree()
    {
        SimulatorProcess sim;
        QVERIFY2(sim.start({ QStringLiteral("--client-secret"), QStringLiteral("right-secret") }),
                 qPrintable(sim.errorString()));
        const QString file = m_dir.filePath(QStringLiteral("auth.env"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("INGESTWATCH_CLUSTER_URL=%1\nINGESTWATCH_TOKEN_ENDPOINT=%2\n")
                    .arg(sim.url().toString(),
                         ClientCredentialsTokenProvider::tokenEndpointFor(sim.url(), QStringLiteral("local"))
                             .toString())
                    .toUtf8());
        f.close();
        const QStringList args { QStringLiteral("cancel"),
                                 newId(),
                                 QStringLiteral("--yes"),
                                 QStringLiteral("--local-backend"),
                                 file,
                                 QStringLiteral("--archive"),
                                 m_dir.filePath(QStringLiteral("auth.sqlite")) };
        QProcessEnvironment wrong;
        wrong.insert(QStringLiteral("INGESTWATCH_CLIENT_SECRET"), QStringLiteral("wrong-secret"));
        const Run w = cli(args, wrong);
        QVERIFY2(w.code == 3, qPrintable(why(w)));
        QVERIFY(!w.err.contains(QLatin1String("wrong-secret")));
        // The right secret signs in: the same command now gets as far as "no such operation".
        QProcessEnvironment right;
        right.insert(QStringLiteral("INGESTWATCH_CLIENT_SECRET"), QStringLiteral("right-secret"));
        const Run ok = cli(args, right);
        QVERIFY2(ok.code == 5, qPrintable(why(ok)));
    }

    void unknownProfileExitsFive()
    {
        const Run r = cli({ QStringLiteral("ops"), QStringLiteral("--profile"),
                            QStringLiteral("no such profile"), QStringLiteral("--archive"), archive() });
        QVERIFY2(r.code == 5, qPrintable(why(r)));
        QVERIFY(r.err.contains(QLatin1String("no such profile")));
    }

    void cleanupTestCase() { m_sim.stop(); }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
