// ingestwatch-sim: a local Kusto ingest endpoint backed by Azure Storage (Azurite by default).
#include "core/ConnectionString.h"
#include "core/Redaction.h"
#include "simulator/SimulatorServer.h"
#include "simulator/StorageBackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace iw;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}
QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

bool parseListen(const QString &text, QHostAddress &address, quint16 &port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535 || !address.setAddress(host))
        return false;
    port = quint16(p);
    return true;
}

// The demo: several big operations with mixed outcomes, plus a stream of SDK-style ingestions that
// report to the status table and both queues.
void startDemo(SimulatorServer &server, StorageBackend *storage, const ConnectionString &cs)
{
    struct Seed
    {
        const char *db;
        const char *table;
        int blobs;
    };
    const Seed seeds[] = { { "Telemetry", "RawEvents", 2400 },
                           { "Telemetry", "Metrics", 1600 },
                           { "Sales", "Orders", 900 },
                           { "Logs", "AppTraces", 3000 },
                           { "Logs", "Audit", 150 } };
    const QString base = cs.blobEndpoint.isEmpty()
        ? QStringLiteral("https://demoaccount.blob.core.windows.net")
        : cs.blobEndpoint.toString();
    for (const Seed &s : seeds) {
        QStringList urls;
        for (int i = 0; i < s.blobs; ++i)
            urls.append(QStringLiteral("%1/landing/%2/%3/part-%4.csv.gz?sv=2021-12-02&sig=demo")
                            .arg(base, QLatin1String(s.db), QLatin1String(s.table))
                            .arg(i, 5, 10, QLatin1Char('0')));
        const QString id = server.engine().submitOperation(QLatin1String(s.db), QLatin1String(s.table), urls);
        out() << "DEMO_OPERATION=" << id << Qt::endl;
    }
    // A realistic mix: most failures come from a few causes (the failures-by-ErrorCode chart shows them).
    QList<FailureScenario> mix;
    const QList<FailureScenario> all = IngestionEngine::defaultFailureScenarios();
    const QList<QPair<const char *, int>> weights = { { "Stream_WrongNumberOfFields", 5 },
                                                      { "Download_SourceNotFound", 3 },
                                                      { "BadRequest_EmptyBlob", 2 },
                                                      { "BadRequest_MappingReferenceWasNotFound", 1 },
                                                      { "General_ThrottledIngestion", 1 } };
    for (const auto &w : weights) {
        for (const FailureScenario &f : all) {
            if (f.errorCode == QLatin1String(w.first)) {
                for (int k = 0; k < w.second; ++k)
                    mix.append(f);
            }
        }
    }
    server.engine().setFailureScenarios(mix);
    if (!storage)
        return;
    // SDK-style ingestions that report to the status table and both queues, from the first second on: the
    // engine schedules them fairly next to the big operations, so statuses and notifications (failures and
    // successes) show up within seconds.
    auto *timer = new QTimer(&server);
    auto tick = [&server, storage, base] {
        static int n = 0;
        for (int k = 0; k < 3; ++k, ++n) {
            IngestionMessage m;
            m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            m.blobPath = QStringLiteral("%1/%2/stream/batch-%3.json?sv=2021-12-02&sig=demo")
                             .arg(base, storage->names().tempContainer)
                             .arg(n, 6, 10, QLatin1Char('0'));
            m.databaseName = n % 2 ? QStringLiteral("Telemetry") : QStringLiteral("Logs");
            m.tableName = n % 2 ? QStringLiteral("Stream") : QStringLiteral("AppTraces");
            m.reportLevel = ReportLevel::FailuresAndSuccesses;
            m.reportMethod = ReportMethod::QueueAndTable;
            QString tableUrl;
            for (const auto &r : storage->resources()) {
                if (r.resourceTypeName == QLatin1String("IngestionsStatusTable"))
                    tableUrl = r.storageRoot;
            }
            m.statusInTable = StatusTableTarget { tableUrl, m.id, m.id };
            const qsizetype i = server.engine().submitMessage(m);
            storage->writePending(server.engine().blob(i));
        }
    };
    QObject::connect(timer, &QTimer::timeout, &server, tick);
    timer->start(1000);
    QTimer::singleShot(0, &server, tick);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ingestwatch-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INGESTWATCH_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local Kusto ingest endpoint backed by Azure Storage. Prints KEY=VALUE lines when ready:\n"
        "INGESTWATCH_SIM_URL, INGESTWATCH_SIM_PORT, INGESTWATCH_SIM_TOKEN (with --print-token)."));
    parser.addHelpOption();
    parser.addVersionOption();
    auto opt = [&](const char *name, const char *help, const char *valueName = nullptr,
                   const char *def = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
        if (valueName)
            o.setValueName(QString::fromLatin1(valueName));
        if (def)
            o.setDefaultValue(QString::fromLatin1(def));
        parser.addOption(o);
        return o;
    };
    const auto listen = opt("listen", "Address and port to listen on; port 0 picks a free one.", "host:port",
                            "127.0.0.1:0");
    const auto storage
        = opt("storage", "Azure Storage connection string (default: Azurite on its default ports).",
              "connection-string", "UseDevelopmentStorage=true");
    const auto noStorage = opt("no-storage", "Run without a storage account (no resources, no reports).");
    const auto noAuth = opt("no-auth", "Accept management calls without a bearer token.");
    const auto clientId = opt("client-id", "Only accept this client id at the token endpoint.", "id");
    const auto clientSecret
        = opt("client-secret", "Only accept this client secret at the token endpoint.", "secret");
    const auto tokenLifetime = opt("token-lifetime", "Access token lifetime in seconds.", "seconds", "3600");
    const auto printToken
        = opt("print-token", "Issue a token at start and print it (INGESTWATCH_SIM_TOKEN=).");
    const auto rate = opt("rate", "Blobs that start ingesting per second.", "n", "20");
    const auto processing = opt("processing-ms", "How long one blob is in flight.", "ms", "1500");
    const auto failureRate = opt("failure-rate", "Share of blobs that fail (0..1).", "rate", "0.1");
    const auto messageFailureRate
        = opt("message-failure-rate",
              "Share of SDK queue-message blobs that fail (0..1; default: --failure-rate, 0.3 with --demo).",
              "rate");
    const auto seed = opt("seed", "Seed for outcomes and faults.", "n", "1");
    const auto retries
        = opt("max-retries", "Retries of a transient failure before it is Exhausted.", "n", "2");
    const auto demo
        = opt("demo", "Seed operations with thousands of blobs and a stream of reported ingestions.");
    const auto f429 = opt("fault-429", "Rate of 429 answers with Retry-After.", "rate", "0");
    const auto retryAfter = opt("retry-after", "Retry-After seconds on 429.", "seconds", "1");
    const auto f5xx = opt("fault-5xx", "Rate of 500/503 answers.", "rate", "0");
    const auto fDrop = opt("fault-drop", "Rate of connections closed without an answer.", "rate", "0");
    const auto fDropAfter = opt("fault-drop-after",
                                "Rate of management commands run, then their connection closed without an "
                                "answer (a lost answer: the command did happen).",
                                "rate", "0");
    const auto fTrunc = opt("fault-truncate", "Rate of bodies cut short.", "rate", "0");
    const auto fMalformed
        = opt("fault-malformed", "Rate of 200 answers whose body is not JSON.", "rate", "0");
    const auto latency = opt("latency-ms", "Latency added to every management answer.", "ms", "0");
    const auto readyFile = opt("ready-file", "Also write the KEY=VALUE lines to this file.", "path");
    const auto verbose = opt("verbose", "Log every request and storage event to stderr.");
    parser.process(app);

    SimulatorOptions o;
    if (!parseListen(parser.value(listen), o.address, o.port)) {
        err() << "ingestwatch-sim: --listen wants host:port, e.g. 127.0.0.1:0" << Qt::endl;
        return 2;
    }
    o.requireAuth = !parser.isSet(noAuth);
    o.tokens.clientId = parser.value(clientId);
    o.tokens.clientSecret = parser.value(clientSecret);
    o.tokens.lifetimeSeconds = parser.value(tokenLifetime).toLongLong();
    o.engine.blobsPerSecond = parser.value(rate).toDouble();
    o.engine.processingMs = parser.value(processing).toLongLong();
    o.engine.failureRate = parser.value(failureRate).toDouble();
    o.engine.seed = parser.value(seed).toUInt();
    o.engine.maxTransientRetries = parser.value(retries).toInt();
    o.faults.throttleRate = parser.value(f429).toDouble();
    o.faults.retryAfterSeconds = parser.value(retryAfter).toInt();
    o.faults.serverErrorRate = parser.value(f5xx).toDouble();
    o.faults.dropRate = parser.value(fDrop).toDouble();
    o.faults.dropAfterRate = parser.value(fDropAfter).toDouble();
    o.faults.truncateRate = parser.value(fTrunc).toDouble();
    o.faults.malformedRate = parser.value(fMalformed).toDouble();
    o.faults.latencyMs = parser.value(latency).toInt();
    o.faults.seed = o.engine.seed;
    if (parser.isSet(demo) && !parser.isSet(failureRate))
        o.engine.failureRate = 0.08;
    if (parser.isSet(messageFailureRate))
        o.engine.messageFailureRate = parser.value(messageFailureRate).toDouble();
    else if (parser.isSet(demo))
        o.engine.messageFailureRate = 0.3;

    SimulatorServer server(o);
    const bool log = parser.isSet(verbose);
    if (log)
        QObject::connect(&server, &SimulatorServer::requestLogged,
                         [](const QString &l) { err() << l << Qt::endl; });

    ConnectionString cs;
    std::unique_ptr<StorageBackend> backend;
    if (!parser.isSet(noStorage)) {
        auto parsed = ConnectionString::parse(parser.value(storage));
        if (!parsed) {
            err() << "ingestwatch-sim: --storage: " << parsed.error().message << Qt::endl;
            return 2;
        }
        cs = parsed.value();
        backend = std::make_unique<StorageBackend>(cs, &server.engine());
        if (log)
            QObject::connect(backend.get(), &StorageBackend::logLine,
                             [](const QString &l) { err() << l << Qt::endl; });
        StorageBackend *b = backend.get();
        server.setResourceSource([b] { return b->resources(); });
        QObject::connect(&server, &SimulatorServer::blobsFinished, b, &StorageBackend::report);
    }

    auto ready = [&] {
        if (server.start() == 0) {
            err() << "ingestwatch-sim: cannot listen on " << parser.value(listen) << Qt::endl;
            QCoreApplication::exit(1);
            return;
        }
        QStringList lines { QStringLiteral("INGESTWATCH_SIM_URL=") + server.baseUrl().toString(),
                            QStringLiteral("INGESTWATCH_SIM_PORT=") + QString::number(server.port()) };
        if (parser.isSet(printToken))
            lines.append(QStringLiteral("INGESTWATCH_SIM_TOKEN=") + server.tokens().issue().accessToken);
        for (const QString &l : lines)
            out() << l << Qt::endl;
        if (parser.isSet(readyFile)) {
            QFile f(parser.value(readyFile));
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
                f.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        }
        if (parser.isSet(demo))
            startDemo(server, backend.get(), cs);
    };

    if (backend) {
        backend->setup([&](Status s) {
            if (!s) {
                err() << "ingestwatch-sim: storage setup failed: " << redact(s.error().toString())
                      << Qt::endl;
                QCoreApplication::exit(1);
                return;
            }
            ready();
        });
    } else {
        QTimer::singleShot(0, ready);
    }
    return app.exec();
}
