// P1 (issue #7/#10): tracking 10,000 in-flight sources in the Azure status table. A real Azurite table holds
// one status row per source (PartitionKey = RowKey = IngestionSourceId, the properties the service writes,
// written like ingestwatch-sim's StorageBackend does: one upsert per row), all Pending. Before each
// refresh a few percent of the still-pending sources finish (Pending -> Succeeded, every 5th -> Failed).
//
//   ours:     StatusMonitor + IngestionStatusModel, the app's path: one incremental query per refresh
//             (IncrementalTableQuery: Timestamp ge watermark - overlap), rows merged into the model.
//   baseline: what the SDKs do (azure-kusto-ingest's IngestionStatusInTableDescription / the docs' samples):
//             one point read (GET .../table(PartitionKey='id',RowKey='id')) per tracked source that is not
//             final yet, with our own TableClient, 6 requests in flight (Qt's per-host connection limit;
//             a Promise.all/asyncio.gather over an SDK client is bounded by its pool the same way).
//
// Per refresh: requests, response bytes (status line + headers + bodies) and wall time, each the median
// over the refreshes; both sides see the same table in the same state (ours first, then the point reads).
// The overlap window is 2 s (option --overlap-ms): every row of this bench was written within the last
// minutes, so the app's default of 2 minutes would re-read the whole table on each refresh here, which is
// not what happens when the sources were queued minutes before.
//
//   BenchStatusTracking [--sources N] [--refreshes R] [--finish-percent P] [--overlap-ms MS] [--json FILE]
#include "AzuriteProcess.h"
#include "BenchNetCounter.h"
#include "BenchReport.h"
#include "azure/HttpPipeline.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"
#include "models/IngestionStatusModel.h"
#include "monitor/StatusMonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace iw;

namespace {

const QString kTable = QStringLiteral("IngestionsStatus");

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

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Source
{
    QString id;
    QString operationId;
    int index = 0;
    OperationStatus status = OperationStatus::Pending;
};

// The row as the service (and ingestwatch-sim's StorageBackend::writeStatus) writes it.
TableEntity statusRow(const Source &s)
{
    TableEntity e;
    e.partitionKey = s.id;
    e.rowKey = s.id;
    const bool failed = s.status == OperationStatus::Failed;
    e.set(QStringLiteral("Status"), toString(s.status));
    e.set(QStringLiteral("IngestionSourceId"), s.id, EdmType::Guid);
    e.set(QStringLiteral("IngestionSourcePath"),
          QStringLiteral("https://bench.blob.core.windows.net/landing/Telemetry/RawEvents/part-%1.csv.gz")
              .arg(s.index, 5, 10, QLatin1Char('0')));
    e.set(QStringLiteral("Database"), QStringLiteral("Telemetry"));
    e.set(QStringLiteral("Table"), QStringLiteral("RawEvents"));
    e.set(QStringLiteral("UpdatedOn"), QDateTime::currentDateTimeUtc(), EdmType::DateTime);
    e.set(QStringLiteral("OperationId"), s.operationId, EdmType::Guid);
    e.set(QStringLiteral("ActivityId"), QUuid::createUuid().toString(QUuid::WithoutBraces), EdmType::Guid);
    e.set(QStringLiteral("ErrorCode"),
          failed ? QStringLiteral("Stream_WrongNumberOfFields") : QStringLiteral("Unknown"));
    e.set(QStringLiteral("FailureStatus"), failed ? QStringLiteral("Permanent") : QStringLiteral("Unknown"));
    e.set(QStringLiteral("Details"),
          failed ? QStringLiteral("Stream with id 'part.csv' has a malformed Csv format") : QString());
    e.set(QStringLiteral("OriginatesFromUpdatePolicy"), false);
    return e;
}

// Upserts rows with `inFlight` requests outstanding; false on any failure.
bool upsertAll(TableClient &client, const QList<TableEntity> &rows, int inFlight)
{
    qsizetype next = 0;
    qsizetype done = 0;
    int failed = 0;
    std::function<void()> pump = [&] {
        if (next >= rows.size())
            return;
        client.upsertEntity(kTable, rows.at(next++), TableClient::UpdateMode::Merge, nullptr,
                            [&](Result<QString> r) {
                                ++done;
                                if (!r && failed++ == 0)
                                    std::fprintf(stderr, "upsert: %s\n", qPrintable(r.error().toString()));
                                pump();
                            });
    };
    for (int i = 0; i < inFlight; ++i)
        pump();
    return waitUntil([&] { return done == rows.size(); }, 900000) && failed == 0;
}

struct PointReadRound
{
    double wallMs = 0;
    int requests = 0;
    qint64 bytes = 0;
    int finalSeen = 0;
    int errors = 0;
};

// The SDK way: one GET per source not yet known to be final.
PointReadRound pointReadRound(TableClient &client, const bench::NetCounter &net, QList<Source> &tracked,
                              std::vector<bool> &knownFinal, int inFlight)
{
    PointReadRound r;
    QList<int> todo;
    for (int i = 0; i < tracked.size(); ++i)
        if (!knownFinal[std::size_t(i)])
            todo << i;
    const bench::NetCounter::Mark m0 = net.mark();
    QElapsedTimer t;
    t.start();
    qsizetype next = 0;
    qsizetype done = 0;
    std::function<void()> pump = [&] {
        if (next >= todo.size())
            return;
        const int i = todo.at(next++);
        client.getEntity(kTable, tracked.at(i).id, tracked.at(i).id, nullptr, [&, i](Result<TableEntity> e) {
            ++done;
            if (!e)
                ++r.errors;
            else {
                const QString st = e->value(u"Status").toString();
                if (st == QLatin1String("Succeeded") || st == QLatin1String("Failed"))
                    knownFinal[std::size_t(i)] = true;
            }
            pump();
        });
    };
    for (int k = 0; k < inFlight; ++k)
        pump();
    waitUntil([&] { return done == todo.size(); }, 900000);
    r.wallMs = double(t.nsecsElapsed()) / 1e6;
    r.requests = int(net.responses() - m0.responses);
    r.bytes = net.bytes() - m0.bytes;
    for (bool f : knownFinal)
        r.finalSeen += f ? 1 : 0;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sourcesOpt(QStringLiteral("sources"), QStringLiteral("In-flight sources."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption refreshesOpt(QStringLiteral("refreshes"), QStringLiteral("Measured refreshes."),
                                          QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption finishOpt(QStringLiteral("finish-percent"),
                                       QStringLiteral("Sources finishing before each refresh."),
                                       QStringLiteral("P"), QStringLiteral("3"));
    const QCommandLineOption overlapOpt(QStringLiteral("overlap-ms"), QStringLiteral("Incremental overlap."),
                                        QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption inFlightOpt(QStringLiteral("in-flight"),
                                         QStringLiteral("Point reads in flight (baseline)."),
                                         QStringLiteral("K"), QStringLiteral("6"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Write the results as JSON."),
                                     QStringLiteral("FILE"));
    parser.addOptions({ sourcesOpt, refreshesOpt, finishOpt, overlapOpt, inFlightOpt, jsonOpt });
    parser.process(app);
    const int sources = std::max(1, parser.value(sourcesOpt).toInt());
    const int refreshes = std::max(1, parser.value(refreshesOpt).toInt());
    const double finishPercent = parser.value(finishOpt).toDouble();
    const int overlapMs = parser.value(overlapOpt).toInt();
    const int inFlight = std::max(1, parser.value(inFlightOpt).toInt());

    if (qEnvironmentVariableIsEmpty("IW_AZURITE_BIN_DIR"))
        qputenv("IW_AZURITE_BIN_DIR", IW_AZURITE_BIN_DIR);
    iw::test::AzuriteProcess azurite(iw::test::AzuriteProcess::Table);
    if (!azurite.start()) {
        std::fprintf(stderr, "BenchStatusTracking: %s\n", qPrintable(azurite.errorString()));
        return 2;
    }
    auto cs = ConnectionString::parse(azurite.connectionString());
    auto cfg = StorageServiceConfig::tableFromConnectionString(cs.value());
    if (!cfg) {
        std::fprintf(stderr, "BenchStatusTracking: %s\n", qPrintable(cfg.error().toString()));
        return 2;
    }

    // The service's side: writes the rows.
    HttpPipeline writerPipeline;
    TableClient writer(&writerPipeline, cfg.value());
    std::optional<Status> created;
    writer.createTable(kTable, true, nullptr, [&](Status s) { created = std::move(s); });
    waitUntil([&] { return created.has_value(); }, 30000);
    if (!created || !*created) {
        std::fprintf(stderr, "BenchStatusTracking: cannot create the status table\n");
        return 2;
    }
    QList<Source> tracked;
    QList<TableEntity> rows;
    for (int i = 0; i < sources; ++i) {
        Source s;
        s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        s.index = i;
        tracked << s;
        rows << statusRow(s);
    }
    QElapsedTimer setup;
    setup.start();
    if (!upsertAll(writer, rows, 8)) {
        std::fprintf(stderr, "BenchStatusTracking: writing the status rows failed\n");
        return 2;
    }
    std::printf("setup: %d Pending status rows written one upsert each in %.1f s\n", sources,
                double(setup.elapsed()) / 1000.0);

    // Ours: the app's StatusMonitor on its own pipeline.
    HttpPipeline oursPipeline;
    bench::NetCounter oursNet(&oursPipeline);
    IngestionStatusModel model;
    StatusMonitor monitor(&model, &oursPipeline);
    monitor.setInterval(0);
    monitor.setOverlap(std::chrono::milliseconds(overlapMs));
    if (Status st = monitor.setTableFromConnectionString(azurite.connectionString(), kTable); !st) {
        std::fprintf(stderr, "BenchStatusTracking: %s\n", qPrintable(st.error().toString()));
        return 2;
    }
    bool refreshDone = false;
    bool refreshOk = false;
    QObject::connect(&monitor, &StatusMonitor::refreshed, [&](const QDateTime &, bool ok) {
        refreshDone = true;
        refreshOk = ok;
    });
    const auto oursRefresh = [&](double &wallMs, int &requests, qint64 &bytes) {
        const bench::NetCounter::Mark m0 = oursNet.mark();
        refreshDone = false;
        QElapsedTimer t;
        t.start();
        monitor.refresh();
        waitUntil([&] { return refreshDone; }, 900000);
        wallMs = double(t.nsecsElapsed()) / 1e6;
        requests = int(oursNet.responses() - m0.responses);
        bytes = oursNet.bytes() - m0.bytes;
        return refreshOk;
    };
    double firstWall = 0;
    int firstRequests = 0;
    qint64 firstBytes = 0;
    if (!oursRefresh(firstWall, firstRequests, firstBytes) || model.rowCount() != sources) {
        std::fprintf(stderr, "BenchStatusTracking: first load failed (%d rows)\n", model.rowCount());
        return 2;
    }

    // Baseline: its own pipeline and client, state of each source known from its point reads.
    HttpPipeline sdkPipeline;
    bench::NetCounter sdkNet(&sdkPipeline);
    TableClient sdkClient(&sdkPipeline, cfg.value());
    std::vector<bool> knownFinal(std::size_t(sources), false);
    const PointReadRound firstPoint = pointReadRound(sdkClient, sdkNet, tracked, knownFinal, inFlight);

    std::printf("first read of %d sources: ours %d requests, %.1f KB, %.0f ms; point reads %d requests, %.1f "
                "KB, %.0f ms\n",
                sources, firstRequests, double(firstBytes) / 1024, firstWall, firstPoint.requests,
                double(firstPoint.bytes) / 1024, firstPoint.wallMs);
    std::printf(
        "\n| refresh | finished | ours req | ours KB | ours ms | point req | point KB | point ms |\n");
    std::printf("|--------:|---------:|---------:|--------:|--------:|----------:|---------:|---------:|\n");

    std::vector<double> oReq, oKb, oMs, pReq, pKb, pMs;
    int finishedTotal = 0;
    int failedTotal = 0;
    bool consistent = true;
    for (int r = 0; r < refreshes; ++r) {
        // Some pending sources finish (the service merges the row: Timestamp moves).
        QList<TableEntity> changes;
        const int toFinish = std::max(1, int(double(sources) * finishPercent / 100.0));
        for (int i = 0; i < tracked.size() && changes.size() < toFinish; ++i) {
            Source &s = tracked[i];
            if (s.status != OperationStatus::Pending)
                continue;
            s.status = (finishedTotal % 5 == 4) ? OperationStatus::Failed : OperationStatus::Succeeded;
            failedTotal += s.status == OperationStatus::Failed ? 1 : 0;
            ++finishedTotal;
            changes << statusRow(s);
        }
        if (!upsertAll(writer, changes, 8)) {
            std::fprintf(stderr, "BenchStatusTracking: writing changes failed\n");
            return 2;
        }
        double wall = 0;
        int requests = 0;
        qint64 bytes = 0;
        const bool ok = oursRefresh(wall, requests, bytes);
        const PointReadRound p = pointReadRound(sdkClient, sdkNet, tracked, knownFinal, inFlight);
        const int oursFinal = model.count(OperationStatus::Succeeded) + model.count(OperationStatus::Failed);
        if (!ok || oursFinal != finishedTotal || model.count(OperationStatus::Failed) != failedTotal
            || p.finalSeen != finishedTotal || p.errors > 0) {
            consistent = false;
            std::fprintf(
                stderr,
                "refresh %d: expected %d final (%d failed); ours saw %d (%d failed, ok=%d), point reads "
                "%d (%d errors)\n",
                r + 1, finishedTotal, failedTotal, oursFinal, model.count(OperationStatus::Failed), int(ok),
                p.finalSeen, p.errors);
        }
        std::printf("| %7d | %8d | %8d | %7.1f | %7.1f | %9d | %8.1f | %8.1f |\n", r + 1, finishedTotal,
                    requests, double(bytes) / 1024, wall, p.requests, double(p.bytes) / 1024, p.wallMs);
        oReq.push_back(requests);
        oKb.push_back(double(bytes) / 1024);
        oMs.push_back(wall);
        pReq.push_back(p.requests);
        pKb.push_back(double(p.bytes) / 1024);
        pMs.push_back(p.wallMs);
    }

    const QString n = QString::number(sources);
    bench::Report report(QStringLiteral("BenchStatusTracking"));
    const double oursReq = median(oReq);
    const double sdkReq = median(pReq);
    report.add({ QStringLiteral("P1 requests per refresh, %1 sources").arg(n), QStringLiteral("requests"),
                 oursReq, sdkReq, QStringLiteral(">= 100x fewer"), oursReq * 100 <= sdkReq });
    report.add({ QStringLiteral("P1 bytes per refresh, %1 sources").arg(n), QStringLiteral("KB"), median(oKb),
                 median(pKb), QString(), std::nullopt });
    report.add({ QStringLiteral("P1 wall per refresh, %1 sources").arg(n), QStringLiteral("ms"), median(oMs),
                 median(pMs), QString(), std::nullopt });
    report.add({ QStringLiteral("P1 first full read, %1 sources").arg(n), QStringLiteral("ms"), firstWall,
                 firstPoint.wallMs, QString(), std::nullopt });
    report.add({ QStringLiteral("P1 same statuses seen by both, %1 refreshes").arg(refreshes),
                 QStringLiteral("ok"), consistent ? 1.0 : 0.0, std::nullopt, QStringLiteral("= 1"),
                 consistent });
    std::printf("\nours: StatusMonitor incremental query (overlap %d ms); baseline: one point read per "
                "non-final source, %d in flight; medians over %d refreshes, %.0f%% finishing per refresh\n",
                overlapMs, inFlight, refreshes, finishPercent);
    report.print();
    if (!report.writeJsonFromArgs(app.arguments()))
        return 2;
    azurite.stop();
    return 0;
}
