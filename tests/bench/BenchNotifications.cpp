// Reading 10,000 failure notifications from a report queue (issue #10): ours vs the official
// azure-kusto-ingest status-queue helper, against the same Azurite in the same run.
//
// The messages are what the service (and ingestwatch-sim's StorageBackend) posts: the notification JSON,
// base64, one Put Message each. Three queues get the same 10,000 messages; each reader drains its own.
//
//   ours:      NotificationMonitor in Consume mode, the notifications pane's path: receive 32 (QueueClient)
//              -> commit to the SQLite archive (ArchiveWriter, a real file) -> delete by pop receipt, then
//              the next round; refreshed until the queue is empty. Peek is not comparable: it only ever sees
//              the first 32 messages of a queue, so a full read needs consume (which the helper does too:
//              pop = receive + delete).
//   baseline:  azure-kusto-ingest IngestStatusQueues.failure.pop(32) until empty (node, tests/bench/node/
//              status-queue-sdk.mjs helper). With one queue the helper receives 1 message per request.
//   reference: the same SDK by hand: @azure/storage-queue receiveMessages(32) + deleteMessage (raw).
// Client CPU: getrusage(RUSAGE_SELF) around our drain (every thread: parse pool, archive writer) vs node's
// process.cpuUsage() around its drain; Azurite is another process. Wall: monotonic clock.
//
//   BenchNotifications [--messages N] [--no-sdk] [--json FILE]
#include "AzuriteProcess.h"
#include "BenchReport.h"
#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "store/ArchiveConfig.h"
#include "store/ArchiveOpener.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>

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

bool waitUntil(const std::function<bool()> &cond, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

const QStringList kCodes { QStringLiteral("Stream_ClosingQuoteMissing"),
                           QStringLiteral("Download_SourceNotFound"), QStringLiteral("BadRequest_EmptyBlob"),
                           QStringLiteral("Stream_WrongNumberOfFields"),
                           QStringLiteral("BadRequest_TableNotExist") };

// What the service posts for a failed blob (base64 of the JSON), as StorageBackend::postNotification does.
QString failureMessage(int i)
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
    return QString::fromLatin1(toNotificationJson(n).toBase64());
}

bool fill(QueueClient &client, const QString &queue, const QStringList &texts)
{
    std::optional<Status> created;
    client.createQueue(queue, nullptr, [&](Status s) { created = std::move(s); });
    if (!waitUntil([&] { return created.has_value(); }, 30000) || !*created)
        return false;
    qsizetype next = 0;
    qsizetype done = 0;
    int failed = 0;
    std::function<void()> pump = [&] {
        if (next >= texts.size())
            return;
        client.putMessage(queue, texts.at(next++), nullptr, [&](Result<QueueMessage> r) {
            ++done;
            failed += r ? 0 : 1;
            pump();
        });
    };
    for (int i = 0; i < 8; ++i)
        pump();
    return waitUntil([&] { return done == texts.size(); }, 900000) && failed == 0;
}

struct Drain
{
    double wallMs = 0;
    double cpuMs = 0;
    qint64 messages = 0;
    qint64 withErrorCode = 0;
    qint64 requests = 0;
    bool ok = false;
};

Drain sdkDrain(const QUrl &endpoint, const QString &queue, const QString &mode, int expected)
{
    Drain d;
    QProcess node;
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"),
               { QStringLiteral(IW_SOURCE_DIR "/tests/bench/node/status-queue-sdk.mjs"),
                 QStringLiteral(IW_TOOLS_DIR), endpoint.toString(), queue, mode, QString::number(expected) });
    if (!node.waitForStarted(30000) || !node.waitForFinished(1800000)) {
        std::fprintf(stderr, "node (%s) did not finish\n", qPrintable(mode));
        node.kill();
        node.waitForFinished(3000);
        return d;
    }
    const QByteArray out = node.readAllStandardOutput().trimmed();
    const QJsonObject o = QJsonDocument::fromJson(out.split('\n').last()).object();
    if (o.isEmpty()) {
        std::fprintf(stderr, "node (%s): %s\n", qPrintable(mode), out.constData());
        return d;
    }
    d.wallMs = o.value(QLatin1String("wallMs")).toDouble();
    d.cpuMs = o.value(QLatin1String("cpuMs")).toDouble();
    d.messages = o.value(QLatin1String("messages")).toInteger();
    d.withErrorCode = o.value(QLatin1String("withErrorCode")).toInteger();
    d.requests = o.value(QLatin1String("requests")).toInteger();
    d.ok = d.messages == expected;
    return d;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("Failure notifications."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption noSdkOpt(QStringLiteral("no-sdk"), QStringLiteral("Only ours."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Write the results as JSON."),
                                     QStringLiteral("FILE"));
    parser.addOptions({ messagesOpt, noSdkOpt, jsonOpt });
    parser.process(app);
    const int messages = std::max(1, parser.value(messagesOpt).toInt());
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

    const QString oursQueue = QStringLiteral("failedingestions-ours");
    const QString helperQueue = QStringLiteral("failedingestions-helper");
    const QString rawQueue = QStringLiteral("failedingestions-raw");
    QStringList texts;
    for (int i = 0; i < messages; ++i)
        texts << failureMessage(i);
    QElapsedTimer setup;
    setup.start();
    {
        HttpPipeline pipeline;
        QueueClient writer(&pipeline, cfg.value());
        for (const QString &q : { oursQueue, helperQueue, rawQueue }) {
            if (!withSdk && q != oursQueue)
                continue;
            if (!fill(writer, q, texts)) {
                std::fprintf(stderr, "BenchNotifications: posting to %s failed\n", qPrintable(q));
                return 2;
            }
        }
    }
    std::printf("setup: %d failure notifications posted to each queue in %.1f s\n", messages,
                double(setup.elapsed()) / 1000.0);

    // Ours: the app's consume path with a real SQLite archive.
    QTemporaryDir dir;
    ArchiveConfig archiveConfig
        = ArchiveConfig::sqlite(QStringLiteral("bench"), dir.filePath(QStringLiteral("bench.sqlite")));
    auto opened = ArchiveOpener::open(archiveConfig);
    if (!opened) {
        std::fprintf(stderr, "BenchNotifications: archive: %s\n", qPrintable(opened.error().toString()));
        return 2;
    }
    archiveConfig = opened->config;
    opened.value().archive.reset();
    Drain ours;
    {
        ArchiveWriter writer(archiveConfig);
        ArchiveReader reader(archiveConfig);
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        NotificationMonitor monitor(&model, &groups, &pipeline, &writer, &reader);
        monitor.setInterval(0);
        monitor.setQueues(cfg.value(), { oursQueue }, {});
        monitor.setMode(NotificationMonitor::Mode::Consume);
        if (monitor.mode() != NotificationMonitor::Mode::Consume) {
            std::fprintf(stderr, "BenchNotifications: consume mode refused\n");
            return 2;
        }
        bool refreshed = false;
        bool failed = false;
        QObject::connect(&monitor, &NotificationMonitor::refreshed, [&](const QDateTime &, bool ok) {
            refreshed = true;
            failed = failed || !ok;
        });
        int errors = 0;
        QObject::connect(
            &monitor, &NotificationMonitor::errorOccurred, [&errors](const Error &e, const QString &c) {
                if (errors++ < 5)
                    std::fprintf(stderr, "ours: %s: %s\n", qPrintable(c), qPrintable(e.toString()));
            });
        int refreshes = 0;
        const double c0 = cpuMsNow();
        QElapsedTimer t;
        t.start();
        // Refresh until everything was consumed (each refresh drains up to its consume bound), plus a last
        // refresh that finds the queue empty, as the operator's next tick would.
        // A refresh that shows nothing new means the queue is empty (a delete can fail and still have
        // happened: then consumedCount stays below the messages read, and the rows shown tell).
        while (monitor.consumedCount() < messages && refreshes < messages + 10 && !failed) {
            refreshed = false;
            const int rowsBefore = model.rowCount();
            monitor.refresh();
            ++refreshes;
            if (!waitUntil([&] { return refreshed; }, 600000) || model.rowCount() == rowsBefore)
                break;
        }
        ours.wallMs = double(t.nsecsElapsed()) / 1e6;
        ours.cpuMs = cpuMsNow() - c0;
        ours.messages = monitor.consumedCount();
        ours.requests = qint64(pipeline.requestsSent());
        ours.withErrorCode = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            if (!model.notificationAt(r).errorCode.isEmpty())
                ++ours.withErrorCode;
        ours.ok = model.rowCount() == messages && ours.withErrorCode == messages;
        if (errors > 0)
            std::printf("ours: %d errors reported by the monitor (first 5 on stderr)\n", errors);
        std::printf(
            "ours: %lld consumed, %d rows shown, %lld with an ErrorCode, %d refreshes, %lld requests, "
            "%.0f ms wall, %.0f ms CPU\n",
            static_cast<long long>(ours.messages), model.rowCount(),
            static_cast<long long>(ours.withErrorCode), refreshes, static_cast<long long>(ours.requests),
            ours.wallMs, ours.cpuMs);
    }

    Drain helper;
    Drain raw;
    if (withSdk) {
        helper = sdkDrain(cfg->endpoint, helperQueue, QStringLiteral("helper"), messages);
        std::printf(
            "azure-kusto-ingest StatusQueue.pop: %lld messages, %lld with an ErrorCode, %lld requests, "
            "%.0f ms wall, %.0f ms CPU\n",
            static_cast<long long>(helper.messages), static_cast<long long>(helper.withErrorCode),
            static_cast<long long>(helper.requests), helper.wallMs, helper.cpuMs);
        raw = sdkDrain(cfg->endpoint, rawQueue, QStringLiteral("raw"), messages);
        std::printf(
            "@azure/storage-queue receive(32)+delete: %lld messages, %lld requests, %.0f ms wall, %.0f ms "
            "CPU\n",
            static_cast<long long>(raw.messages), static_cast<long long>(raw.requests), raw.wallMs,
            raw.cpuMs);
    }

    const QString n = QString::number(messages);
    const auto base = [&](const Drain &d, double v) {
        return withSdk && d.ok ? std::optional<double>(v) : std::nullopt;
    };
    bench::Report report(QStringLiteral("BenchNotifications"));
    report.add({ QStringLiteral("N read %1 failures: wall vs kusto-ingest helper").arg(n),
                 QStringLiteral("ms"), ours.wallMs, base(helper, helper.wallMs),
                 QStringLiteral("<= 1x baseline"),
                 withSdk && helper.ok ? std::optional<bool>(ours.ok && ours.wallMs <= helper.wallMs)
                                      : std::nullopt });
    report.add(
        { QStringLiteral("N read %1 failures: CPU vs kusto-ingest helper").arg(n), QStringLiteral("ms"),
          ours.cpuMs, base(helper, helper.cpuMs), QStringLiteral("<= 1x baseline"),
          withSdk && helper.ok ? std::optional<bool>(ours.ok && ours.cpuMs <= helper.cpuMs) : std::nullopt });
    report.add({ QStringLiteral("N read %1 failures: requests vs kusto-ingest helper").arg(n),
                 QStringLiteral("requests"), double(ours.requests), base(helper, double(helper.requests)),
                 QString(), std::nullopt });
    report.add({ QStringLiteral("N read %1 failures: wall vs raw SDK receive(32)").arg(n),
                 QStringLiteral("ms"), ours.wallMs, base(raw, raw.wallMs), QString(), std::nullopt });
    report.add({ QStringLiteral("N read %1 failures: CPU vs raw SDK receive(32)").arg(n),
                 QStringLiteral("ms"), ours.cpuMs, base(raw, raw.cpuMs), QString(), std::nullopt });
    report.add({ QStringLiteral("N all %1 read, archived, shown (ours)").arg(n), QStringLiteral("ok"),
                 ours.ok ? 1.0 : 0.0, std::nullopt, QStringLiteral("= 1"), ours.ok });
    std::printf(
        "\nours = NotificationMonitor consume (receive 32 -> SQLite commit -> delete); the helper pops 1 "
        "message per receive with one queue (statusQ.js: perQ = number of queues)\n");
    report.print();
    if (!report.writeJsonFromArgs(app.arguments()))
        return 2;
    azurite.stop();
    if (withSdk && (!helper.ok || !raw.ok))
        std::fprintf(stderr, "BenchNotifications: an SDK baseline did not read every message (see above)\n");
    return 0;
}
