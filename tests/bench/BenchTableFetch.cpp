// Fetch and parse 20,000 and 100,000 entities from Azurite with TableClient, side by side with the official
// @azure/data-tables (node, listEntities().byPage()) against the same Azurite in the same run.
// Built with the project, not run by ctest:  build/tests/bench/BenchTableFetch [runs]
// Client CPU: getrusage(RUSAGE_SELF) around the fetch (all threads of this process; Azurite is another
// process) vs node's process.cpuUsage(). Medians of `runs` runs after one warm-up each.
#include "AzuriteProcess.h"
#include "azure/HttpPipeline.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace iw;

namespace {

double cpuMsNow()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0
        + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

TableEntity row(int p, int i)
{
    TableEntity e;
    e.partitionKey = QStringLiteral("p%1").arg(p, 3, 10, QLatin1Char('0'));
    e.rowKey = QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0'));
    e.set(QStringLiteral("Name"), QStringLiteral("cpu-%1").arg(i));
    e.set(QStringLiteral("Value"), i * 0.25 + 0.1, EdmType::Double);
    e.set(QStringLiteral("Count"), i);
    e.set(QStringLiteral("Host"), QStringLiteral("host-%1.example.net").arg(i % 97));
    e.set(QStringLiteral("UpdatedOn"), QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).addSecs(i),
          EdmType::DateTime);
    e.set(QStringLiteral("Ok"), i % 2 == 0);
    return e;
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

bool load(TableClient &client, const QString &table, int count)
{
    bool created = false;
    client.createTable(table, true, nullptr, [&](Status s) {
        created = true;
        if (!s)
            std::fprintf(stderr, "create table: %s\n", qPrintable(s.error().toString()));
    });
    waitUntil([&] { return created; }, 30000);
    QList<QList<TableEntity>> batches;
    for (int i = 0; i < count; ++i) {
        if (i % 100 == 0)
            batches.append(QList<TableEntity>());
        batches.last().append(row(i / 1000, i));
    }
    int next = 0, done = 0, failed = 0;
    std::function<void()> pump = [&]() {
        if (next >= batches.size())
            return;
        client.submitBatch(table, batches.at(next++), false, nullptr, [&](Status s) {
            ++done;
            failed += s ? 0 : 1;
            pump();
        });
    };
    for (int i = 0; i < 6; ++i)
        pump();
    return waitUntil([&] { return done == batches.size(); }, 600000) && failed == 0;
}

struct Measure
{
    QList<double> wall, cpu;
    qint64 entities = 0;
};

Measure ours(TableClient &client, const QString &table, int runs)
{
    Measure m;
    for (int r = -1; r < runs; ++r) { // r = -1: warm-up
        qint64 n = 0;
        bool finished = false;
        QElapsedTimer t;
        const double c0 = cpuMsNow();
        t.start();
        TableQueryJob *job = client.query(table, {});
        QObject::connect(job, &TableQueryJob::pageReady, job,
                         [&n](const TableEntityPage &p) { n += p.entities.size(); });
        QObject::connect(job, &TableQueryJob::finished, job, [&finished] { finished = true; });
        waitUntil([&] { return finished; }, 600000);
        const double wall = t.nsecsElapsed() / 1e6;
        const double cpu = cpuMsNow() - c0;
        if (r >= 0) {
            m.wall << wall;
            m.cpu << cpu;
            m.entities = n;
        }
    }
    return m;
}

Measure sdk(const QUrl &endpoint, const QString &table, int runs)
{
    Measure m;
    QProcess node;
    node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    node.start(QStringLiteral("node"),
               { QStringLiteral(IW_SOURCE_DIR "/tests/bench/node/tables-sdk.mjs"),
                 QStringLiteral(IW_TOOLS_DIR), endpoint.toString(), table, QString::number(runs) });
    if (!node.waitForFinished(600000) || node.exitCode() != 0) {
        std::fprintf(stderr, "node failed (exit %d)\n", node.exitCode());
        return m;
    }
    const QJsonObject o = QJsonDocument::fromJson(node.readAllStandardOutput().trimmed()).object();
    for (const QJsonValue v : o.value(QLatin1String("wallMs")).toArray())
        m.wall << v.toDouble();
    for (const QJsonValue v : o.value(QLatin1String("cpuMs")).toArray())
        m.cpu << v.toDouble();
    m.entities = o.value(QLatin1String("entities")).toInteger();
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    if (qEnvironmentVariableIsEmpty("IW_AZURITE_BIN_DIR"))
        qputenv("IW_AZURITE_BIN_DIR", IW_AZURITE_BIN_DIR);
    iw::test::AzuriteProcess azurite(iw::test::AzuriteProcess::Table);
    if (!azurite.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(azurite.errorString()));
        return 2;
    }
    auto cs = ConnectionString::parse(azurite.connectionString());
    auto cfg = StorageServiceConfig::tableFromConnectionString(cs.value());
    HttpPipeline pipeline;
    TableClient client(&pipeline, cfg.value());

    std::printf("%-28s %12s %12s %8s %10s %6s\n", "measure", "ours", "sdk", "ratio", "target", "pass");
    int failures = 0;
    for (int count : { 20000, 100000 }) {
        const QString table = QStringLiteral("Bench%1").arg(count);
        QElapsedTimer lt;
        lt.start();
        if (!load(client, table, count)) {
            std::fprintf(stderr, "loading %d entities failed\n", count);
            return 2;
        }
        std::fprintf(stderr, "loaded %d entities in %lld ms\n", count, lt.elapsed());
        const Measure a = ours(client, table, runs);
        const Measure b = sdk(cfg->endpoint, table, runs);
        if (a.entities != count || b.entities != count)
            std::fprintf(stderr, "entity counts differ: ours %lld, sdk %lld, expected %d\n", a.entities,
                         b.entities, count);
        const double cpuRatio = median(a.cpu) / std::max(0.001, median(b.cpu));
        const double wallRatio = median(a.wall) / std::max(0.001, median(b.wall));
        const bool cpuOk = cpuRatio <= 1.0 / 3.0;
        const bool wallOk = wallRatio <= 1.0;
        failures += !cpuOk + !wallOk;
        std::printf("%-28s %10.1fms %10.1fms %8.2f %10s %6s\n",
                    qPrintable(QStringLiteral("%1 entities, client CPU").arg(count)), median(a.cpu),
                    median(b.cpu), cpuRatio, "<= 0.33", cpuOk ? "pass" : "FAIL");
        std::printf("%-28s %10.1fms %10.1fms %8.2f %10s %6s\n",
                    qPrintable(QStringLiteral("%1 entities, wall").arg(count)), median(a.wall),
                    median(b.wall), wallRatio, "<= 1.00", wallOk ? "pass" : "FAIL");
        std::fflush(stdout);
    }
    azurite.stop();
    return failures ? 1 : 0;
}
