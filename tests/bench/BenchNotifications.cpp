// Reading 10,000 failure notifications from the report queues (issue #10): ours vs the official
// azure-kusto-ingest status-queue helper, against the same Azurite in the same run.
//
// The messages are what the service (and ingestwatch-sim's StorageBackend) posts: the notification JSON,
// base64, one Put Message each, spread round-robin over --queues failure queues (`.get ingestion resources`
// can list several FailedIngestionsQueue rows; ingestwatch-sim lists one). Every side drains its own copy:
// in each run the same messages (same ids) are posted to one set of queues per side just before that side
// reads them (Azurite holds one copy at a time), the sides in a rotating order (interleaved runs); the
// table shows medians over --runs.
//
//   consume (receive + delete every message, all 10,000 read):
//     ours:      NotificationMonitor in Consume mode, the notifications pane's path: receive 32 per queue
//                (QueueClient) -> commit to the SQLite archive (ArchiveWriter, a real file) -> delete the 32
//                by pop receipt (in parallel), next round; refreshed until everything is consumed.
//     baseline:  azure-kusto-ingest IngestStatusQueues.failure.pop(32) until it returns nothing (node,
//                tests/bench/node/status-queue-sdk.mjs). Its own options: perQ = floor(32 / queues) messages
//                per receive, 1 when there is one queue; each message deleted before the next; no archive.
//     reference: the same SDK by hand: @azure/storage-queue receiveMessages(32) + parallel deleteMessage.
//   peek (non-destructive): Peek Messages has no cursor, it returns the first <= 32 visible messages of a
//     queue, so no peek can read 10,000 messages, on either side. Measured instead: --peeks peek calls on
//     the full queues, and what each call shows: ours one Peek-mode refresh (peek 32 + approximate count
//     per queue, archived as Peeked), the helper failure.peek(32) (peekMessages() with the default 1 per
//     queue).
// Checked for every side and run: the count and the set of IngestionSourceIds read equal what was posted
// (consume), or are posted ids (peek). Client CPU: getrusage(RUSAGE_SELF) around our reading (every thread:
// archive writer) vs node's process.cpuUsage() around its reading; Azurite is another process. Wall:
// monotonic clock. Bytes: answer bytes received (ours: status line + headers + body of each answer; node:
// socket.bytesRead).
//
//   BenchNotifications [--messages N] [--queues K] [--runs R] [--peeks P] [--no-sdk] [--json FILE]
#include "AzuriteProcess.h"
#include "BenchNetCounter.h"
#include "BenchReport.h"
#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "simulator/SasBuilder.h"
#include "store/ArchiveConfig.h"
#include "store/ArchiveOpener.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sys/resource.h>

using namespace iw;

namespace {

double cpuMsNow()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0
        + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

// Sleeps in the event loop until cond() holds. processEvents(WaitForMoreEvents, ms) would not do: Qt drops
// WaitForMoreEvents when given a time, and the loop spun, billing busy-waiting for Azurite's answers as
// our client CPU (26 s of CPU for 50 peek refreshes against a loaded Azurite). A 50 ms timer wakes it.
bool waitUntil(const std::function<bool()> &cond, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(50);
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

const QStringList kCodes { QStringLiteral("Stream_ClosingQuoteMissing"),
                           QStringLiteral("Download_SourceNotFound"), QStringLiteral("BadRequest_EmptyBlob"),
                           QStringLiteral("Stream_WrongNumberOfFields"),
                           QStringLiteral("BadRequest_TableNotExist") };

// What the service posts for a failed blob (base64 of the JSON), as StorageBackend::postNotification does.
QString failureMessage(int i, QString *sourceId)
{
    IngestionNotification n;
    n.kind = IngestionNotification::Kind::Failure;
    n.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.database = QStringLiteral("Telemetry");
    n.table = QStringLiteral("RawEvents");
    n.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.ingestionSourcePath
        = QStringLiteral("https://bench.blob.core.windows.net/landing/Telemetry/RawEvents/part-%1.csv.gz")
              .arg(i, 5, 10, QLatin1Char('0'));
    n.rootActivityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    n.failedOn = QDateTime::currentDateTimeUtc();
    n.errorCode = kCodes.at(i % kCodes.size());
    n.details = QStringLiteral("Stream with ID 'part-%1.csv' has a malformed CSV format").arg(i);
    n.failureStatus = FailureStatus::Permanent;
    n.shouldRetry = false;
    *sourceId = n.ingestionSourceId;
    return QString::fromLatin1(toNotificationJson(n).toBase64());
}

// Posts texts[i] to queues[i % queues.size()], 16 Put Message in flight.
bool fillQueues(QueueClient &client, const QStringList &queues, const QStringList &texts)
{
    int created = 0;
    bool createFailed = false;
    for (const QString &q : queues)
        client.createQueue(q, nullptr, [&](Status s) {
            ++created;
            createFailed = createFailed || !s;
        });
    if (!waitUntil([&] { return created == queues.size(); }, 30000) || createFailed)
        return false;
    qsizetype next = 0;
    qsizetype done = 0;
    int failed = 0;
    std::function<void()> pump = [&] {
        if (next >= texts.size())
            return;
        const qsizetype i = next++;
        client.putMessage(queues.at(i % queues.size()), texts.at(i), nullptr, [&](Result<QueueMessage> r) {
            ++done;
            failed += r ? 0 : 1;
            pump();
        });
    };
    for (int i = 0; i < 16; ++i)
        pump();
    return waitUntil([&] { return done == texts.size(); }, 900000) && failed == 0;
}

struct Read
{
    double wallMs = 0;
    double cpuMs = 0;
    qint64 messages = 0; // messages read (with repeats, for peeks)
    qint64 distinct = 0; // distinct IngestionSourceIds read
    qint64 requests = 0;
    qint64 bytes = 0;
    bool ok = false; // count and ids checked
    QString why; // when not ok
};

// Consume: exactly the posted ids, each once. Peek: only posted ids.
void check(Read &r, const QStringList &ids, const QSet<QString> &expected, bool consume)
{
    const QSet<QString> got(ids.cbegin(), ids.cend());
    r.distinct = got.size();
    if (consume) {
        r.ok = ids.size() == expected.size() && got == expected;
        if (!r.ok)
            r.why = QStringLiteral("read %1 messages, %2 distinct ids, %3 of the %4 posted")
                        .arg(ids.size())
                        .arg(got.size())
                        .arg((got & expected).size())
                        .arg(expected.size());
    } else {
        r.ok = !got.isEmpty() && expected.contains(got);
        if (!r.ok)
            r.why = QStringLiteral("peeked ids that were not posted, or none");
    }
}

Read sdkRead(const QUrl &endpoint, const QStringList &queues, const QString &mode, int expectedCount,
             const QSet<QString> &expected, int peekCalls, const QString &idsFile)
{
    Read d;
    QProcess node;
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"),
               { QStringLiteral(IW_SOURCE_DIR "/tests/bench/node/status-queue-sdk.mjs"),
                 QStringLiteral(IW_TOOLS_DIR), endpoint.toString(), queues.join(QLatin1Char(',')), mode,
                 QString::number(expectedCount), idsFile, QString::number(peekCalls) });
    if (!node.waitForStarted(30000) || !node.waitForFinished(3600000)) {
        std::fprintf(stderr, "node (%s) did not finish\n", qPrintable(mode));
        node.kill();
        node.waitForFinished(3000);
        d.why = QStringLiteral("node did not finish");
        return d;
    }
    const QByteArray out = node.readAllStandardOutput().trimmed();
    const QJsonObject o = QJsonDocument::fromJson(out.split('\n').last()).object();
    if (o.isEmpty()) {
        std::fprintf(stderr, "node (%s): %s\n", qPrintable(mode), out.constData());
        d.why = QStringLiteral("node printed no result");
        return d;
    }
    d.wallMs = o.value(QLatin1String("wallMs")).toDouble();
    d.cpuMs = o.value(QLatin1String("cpuMs")).toDouble();
    d.messages = o.value(QLatin1String("messages")).toInteger();
    d.requests = o.value(QLatin1String("requests")).toInteger();
    d.bytes = o.value(QLatin1String("bytesRead")).toInteger();
    QFile f(idsFile);
    QStringList ids;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                ids << QString::fromLatin1(line.trimmed());
    check(d, ids, expected, !mode.endsWith(QLatin1String("peek")));
    return d;
}

// Ours: NotificationMonitor over the queues, with a fresh SQLite archive. consume: refreshed until
// everything was consumed; peek: peekCalls refreshes.
Read oursRead(const ConnectionString &cs, const QStringList &queues, bool consume, int messages,
              int peekCalls, const QSet<QString> &expected)
{
    Read d;
    QTemporaryDir dir;
    ArchiveConfig archiveConfig
        = ArchiveConfig::sqlite(QStringLiteral("bench"), dir.filePath(QStringLiteral("bench.sqlite")));
    auto opened = ArchiveOpener::open(archiveConfig);
    if (!opened) {
        d.why = QStringLiteral("archive: ") + opened.error().toString();
        return d;
    }
    archiveConfig = opened->config;
    opened.value().archive.reset();
    ArchiveWriter writer(archiveConfig);
    ArchiveReader reader(archiveConfig);
    NotificationModel model;
    FailureGroupModel groups;
    HttpPipeline pipeline;
    bench::NetCounter net(&pipeline);
    NotificationMonitor monitor(&model, &groups, &pipeline, &writer, &reader);
    monitor.setInterval(0);
    // SAS URIs, as `.get ingestion resources` hands them out (and as the node side gets them): no
    // SharedKey signature per request.
    const SasBuilder sas(cs.accountName, QByteArray::fromBase64(cs.accountKey.toLatin1()));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-300);
    QStringList uris;
    for (const QString &q : queues)
        uris << cs.queueEndpoint.toString() + QLatin1Char('/') + q + QLatin1Char('?')
                + sas.queueSas(q, QStringLiteral("raup"), start, start.addSecs(6 * 3600));
    if (Status s = monitor.setQueueUris(uris, {}); !s) {
        d.why = s.error().toString();
        return d;
    }
    monitor.setMode(consume ? NotificationMonitor::Mode::Consume : NotificationMonitor::Mode::Peek);
    bool refreshed = false;
    bool failed = false;
    QObject::connect(&monitor, &NotificationMonitor::refreshed, [&](const QDateTime &, bool ok) {
        refreshed = true;
        failed = failed || !ok;
    });
    int errors = 0;
    QObject::connect(&monitor, &NotificationMonitor::errorOccurred,
                     [&errors](const Error &e, const QString &c) {
                         if (errors++ < 5)
                             std::fprintf(stderr, "ours: %s: %s\n", qPrintable(c), qPrintable(e.toString()));
                     });
    int archived = 0;
    QObject::connect(&monitor, &NotificationMonitor::archived, [&archived](int n) { archived += n; });
    qint64 peeked = 0;
    int refreshes = 0;
    const double c0 = cpuMsNow();
    QElapsedTimer t;
    t.start();
    if (consume) {
        // A refresh that shows nothing new means the queues are empty.
        while (monitor.consumedCount() < messages && refreshes < messages + 10 && !failed) {
            refreshed = false;
            const int rowsBefore = model.rowCount();
            monitor.refresh();
            ++refreshes;
            if (!waitUntil([&] { return refreshed; }, 600000) || model.rowCount() == rowsBefore)
                break;
        }
    } else {
        for (int i = 0; i < peekCalls && !failed; ++i) {
            refreshed = false;
            monitor.refresh();
            if (!waitUntil([&] { return refreshed; }, 600000))
                break;
            for (const auto &q : monitor.queues())
                peeked += q.lastRead;
        }
        // The peeked batches are archived asynchronously: part of the cost.
        (void)waitUntil([&] { return archived >= peeked; }, 60000);
    }
    d.wallMs = double(t.nsecsElapsed()) / 1e6;
    d.cpuMs = cpuMsNow() - c0;
    d.requests = qint64(pipeline.requestsSent());
    d.bytes = net.bytes();
    d.messages = consume ? monitor.consumedCount() : peeked;
    if (errors > 0)
        std::printf("ours: %d errors reported by the monitor (first 5 on stderr)\n", errors);
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        if (!model.notificationAt(r).errorCode.isEmpty()) // every posted message has one
            ids << model.notificationAt(r).ingestionSourceId;
    check(d, ids, expected, consume);
    if (consume && d.ok && d.messages != messages) {
        d.ok = false;
        d.why = QStringLiteral("%1 shown but %2 consumed").arg(ids.size()).arg(d.messages);
    }
    if (consume && d.ok && archived != messages) {
        d.ok = false;
        d.why = QStringLiteral("%1 archived, %2 consumed").arg(archived).arg(d.messages);
    }
    return d;
}

using bench::median;

struct Series
{
    QList<double> wall, cpu, requests, bytes, messages, distinct;
    int verified = 0;
    int runs = 0;
    void add(const Read &r)
    {
        ++runs;
        verified += r.ok ? 1 : 0;
        wall << r.wallMs;
        cpu << r.cpuMs;
        requests << double(r.requests);
        bytes << double(r.bytes);
        messages << double(r.messages);
        distinct << double(r.distinct);
    }
    bool allOk() const { return runs > 0 && verified == runs; }
};

void printRead(const char *who, int run, const Read &r)
{
    std::printf(
        "  run %d %-22s %6lld read (%lld distinct) %7lld requests %9.1f KB %9.0f ms wall %8.0f ms CPU  %s\n",
        run, who, static_cast<long long>(r.messages), static_cast<long long>(r.distinct),
        static_cast<long long>(r.requests), double(r.bytes) / 1024.0, r.wallMs, r.cpuMs,
        r.ok ? "ids checked" : qPrintable(QStringLiteral("NOT OK: ") + r.why));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("Failure notifications."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption queuesOpt(QStringLiteral("queues"), QStringLiteral("Failure queues."),
                                       QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Interleaved runs (median)."),
                                     QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption peeksOpt(QStringLiteral("peeks"), QStringLiteral("Peek calls per run."),
                                      QStringLiteral("P"), QStringLiteral("50"));
    const QCommandLineOption noSdkOpt(QStringLiteral("no-sdk"), QStringLiteral("Only ours (for callgrind)."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Write the results as JSON."),
                                     QStringLiteral("FILE"));
    parser.addOptions({ messagesOpt, queuesOpt, runsOpt, peeksOpt, noSdkOpt, jsonOpt });
    parser.process(app);
    const int messages = std::max(1, parser.value(messagesOpt).toInt());
    const int queueCount = std::clamp(parser.value(queuesOpt).toInt(), 1, 64);
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const int peeks = std::max(0, parser.value(peeksOpt).toInt());
    const bool withSdk = !parser.isSet(noSdkOpt);

    if (qEnvironmentVariableIsEmpty("IW_AZURITE_BIN_DIR"))
        qputenv("IW_AZURITE_BIN_DIR", IW_AZURITE_BIN_DIR);
    iw::test::AzuriteProcess azurite(iw::test::AzuriteProcess::Queue);
    if (!azurite.start()) {
        std::fprintf(stderr, "BenchNotifications: %s\n", qPrintable(azurite.errorString()));
        return 2;
    }
    auto cs = ConnectionString::parse(azurite.connectionString());
    auto cfg = StorageServiceConfig::queueFromConnectionString(cs.value());
    if (!cfg) {
        std::fprintf(stderr, "BenchNotifications: %s\n", qPrintable(cfg.error().toString()));
        return 2;
    }

    QStringList texts;
    QSet<QString> expected;
    for (int i = 0; i < messages; ++i) {
        QString id;
        texts << failureMessage(i, &id);
        expected.insert(id);
    }
    QTemporaryDir idsDir;
    const QString idsFile = idsDir.filePath(QStringLiteral("ids.txt"));
    const QStringList sides = withSdk
        ? QStringList { QStringLiteral("ours"), QStringLiteral("helper"), QStringLiteral("raw") }
        : QStringList { QStringLiteral("ours") };
    Series oursC, helperC, rawC, oursP, helperP;
    HttpPipeline fillPipeline;
    QueueClient filler(&fillPipeline, cfg.value());
    std::printf("%d failure notifications over %d queue(s), %d interleaved runs, %d peek calls per side per "
                "run\n",
                messages, queueCount, runs, peeks);
    for (int run = 0; run < runs; ++run) {
        // Each side's queues are filled just before it reads them, so Azurite holds one copy at a time
        // (its message lookups slow down with everything it stores, and every side pays the same). The
        // order of the sides rotates per run. Peeks first (the queues are full), then the drain.
        for (int s = 0; s < sides.size(); ++s) {
            const QString side = sides.at((s + run) % sides.size());
            QStringList queues;
            for (int k = 0; k < queueCount; ++k)
                queues << QStringLiteral("failedingestions-%1-r%2-q%3").arg(side).arg(run).arg(k);
            QElapsedTimer setup;
            setup.start();
            if (!fillQueues(filler, queues, texts)) {
                std::fprintf(stderr, "BenchNotifications: posting to the %s queues failed\n",
                             qPrintable(side));
                return 2;
            }
            std::printf("run %d: posted for %s in %.1f s\n", run + 1, qPrintable(side),
                        double(setup.elapsed()) / 1000.0);
            if (peeks > 0 && side == QLatin1String("ours")) {
                const Read r = oursRead(cs.value(), queues, false, messages, peeks, expected);
                printRead("ours peek", run + 1, r);
                oursP.add(r);
            } else if (peeks > 0 && side == QLatin1String("helper")) {
                const Read r = sdkRead(cfg->endpoint, queues, QStringLiteral("helper-peek"), messages,
                                       expected, peeks, idsFile);
                printRead("helper peek", run + 1, r);
                helperP.add(r);
            }
            if (side == QLatin1String("ours")) {
                const Read r = oursRead(cs.value(), queues, true, messages, 0, expected);
                printRead("ours consume", run + 1, r);
                oursC.add(r);
            } else {
                const bool helper = side == QLatin1String("helper");
                const Read r = sdkRead(cfg->endpoint, queues,
                                       helper ? QStringLiteral("helper-pop") : QStringLiteral("raw-pop"),
                                       messages, expected, 0, idsFile);
                printRead(helper ? "helper pop" : "raw receive(32)+delete", run + 1, r);
                (helper ? helperC : rawC).add(r);
            }
        }
    }

    const QString n = QString::number(messages);
    const QString qs
        = queueCount == 1 ? QStringLiteral("1 queue") : QStringLiteral("%1 queues").arg(queueCount);
    const auto base = [&](const Series &b, const QList<double> &v) {
        return withSdk && b.allOk() ? std::optional<double>(median(v)) : std::nullopt;
    };
    const auto le = [&](const Series &o, const Series &b, const QList<double> &ov, const QList<double> &bv) {
        return withSdk && b.allOk() ? std::optional<bool>(o.allOk() && median(ov) <= median(bv))
                                    : std::nullopt;
    };
    const auto kb = [](std::optional<double> v) {
        return v ? std::optional<double>(*v / 1024) : std::nullopt;
    };
    bench::Report report(QStringLiteral("BenchNotifications"));
    const QString c = QStringLiteral("N consume %1 failures, %2: ").arg(n, qs);
    report.add({ c + QStringLiteral("wall vs kusto-ingest pop"), QStringLiteral("ms"), median(oursC.wall),
                 base(helperC, helperC.wall), QStringLiteral("<= 1x baseline"),
                 le(oursC, helperC, oursC.wall, helperC.wall) });
    report.add({ c + QStringLiteral("client CPU vs kusto-ingest pop"), QStringLiteral("ms"),
                 median(oursC.cpu), base(helperC, helperC.cpu), QStringLiteral("<= 1x baseline"),
                 le(oursC, helperC, oursC.cpu, helperC.cpu) });
    report.add({ c + QStringLiteral("requests vs kusto-ingest pop"), QStringLiteral("requests"),
                 median(oursC.requests), base(helperC, helperC.requests), QString(), std::nullopt });
    report.add({ c + QStringLiteral("bytes received vs kusto-ingest pop"), QStringLiteral("KB"),
                 median(oursC.bytes) / 1024, kb(base(helperC, helperC.bytes)), QString(), std::nullopt });
    report.add({ c + QStringLiteral("wall vs raw SDK receive(32)+delete"), QStringLiteral("ms"),
                 median(oursC.wall), base(rawC, rawC.wall), QString(), std::nullopt });
    report.add({ c + QStringLiteral("client CPU vs raw SDK receive(32)+delete"), QStringLiteral("ms"),
                 median(oursC.cpu), base(rawC, rawC.cpu), QString(), std::nullopt });
    report.add({ c + QStringLiteral("runs with all ids read (ours; baseline: pop)"), QStringLiteral("runs"),
                 double(oursC.verified), withSdk ? std::optional<double>(helperC.verified) : std::nullopt,
                 QStringLiteral("= %1 runs").arg(runs), oursC.verified == runs });
    if (peeks > 0) {
        const QString p = QStringLiteral("N peek, %1 of %2: ").arg(qs, n);
        report.add(
            { p + QStringLiteral("distinct messages one peek call shows"), QStringLiteral("messages"),
              median(oursP.distinct), base(helperP, helperP.distinct), QStringLiteral(">= 1x baseline"),
              withSdk && helperP.allOk()
                  ? std::optional<bool>(oursP.allOk() && median(oursP.distinct) >= median(helperP.distinct))
                  : std::nullopt });
        const auto per = [&](const QList<double> &v) {
            QList<double> out;
            for (double x : v)
                out << x / peeks;
            return out;
        };
        report.add({ p + QStringLiteral("wall per peek call vs kusto-ingest peek"), QStringLiteral("ms"),
                     median(per(oursP.wall)), base(helperP, per(helperP.wall)), QString(), std::nullopt });
        report.add({ p + QStringLiteral("client CPU per peek call vs kusto-ingest peek"),
                     QStringLiteral("ms"), median(per(oursP.cpu)), base(helperP, per(helperP.cpu)), QString(),
                     std::nullopt });
        report.add({ p + QStringLiteral("requests per peek call vs kusto-ingest peek"),
                     QStringLiteral("requests"), median(per(oursP.requests)),
                     base(helperP, per(helperP.requests)), QString(), std::nullopt });
        report.add({ p + QStringLiteral("bytes per peek call vs kusto-ingest peek"), QStringLiteral("KB"),
                     median(per(oursP.bytes)) / 1024, kb(base(helperP, per(helperP.bytes))), QString(),
                     std::nullopt });
    }
    std::printf(
        "\nPer message, consume: ours receives 32 per queue per request, commits the batch to the SQLite "
        "archive, then deletes the 32 (in parallel), and shows them (model + failure groups); the helper's "
        "pop receives floor(32 / queues) per request (1 with one queue), parses the JSON and deletes each "
        "message before the next, and keeps nothing; raw = receive 32 + parallel deletes, nothing kept.\n"
        "Peek: no peek reads all %d (Peek Messages returns the first <= 32 of a queue, no cursor); ours "
        "peeks "
        "32 per queue + reads the approximate count and archives what it saw, the helper's peekMessages() "
        "asks for the default 1 per queue. Medians of %d interleaved runs.\n",
        messages, runs);
    report.print();
    if (!report.writeJsonFromArgs(app.arguments()))
        return 2;
    azurite.stop();
    if (withSdk && (!helperC.allOk() || !rawC.allOk()))
        std::fprintf(stderr, "BenchNotifications: an SDK baseline did not read every message (see above)\n");
    return 0;
}
