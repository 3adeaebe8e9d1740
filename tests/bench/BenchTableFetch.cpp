// Fetch and parse 20,000 and 100,000 entities from Azurite with TableClient, side by side with the official
// @azure/data-tables (node, listEntities().byPage()) against the same Azurite, the same tables and in the
// same run. Built with the project, not run by ctest:
//
//   build-rel/tests/bench/BenchTableFetch [--runs N] [--warmup N] [--counts 20000,100000] [--json FILE]
//                                          [--no-sdk] [N]
//
// One Azurite (table service) is started; each table is loaded once and then read by both clients. Runs
// are interleaved (ours, sdk, sdk, ours, ...) so both see the same machine load; after `warmup` unmeasured
// rounds, `runs` measured rounds; the table shows the median and the min..max spread of each.
// Client CPU: getrusage(RUSAGE_SELF) around our fetch only (user + system, every thread of this process;
// Azurite is another process) vs node's process.cpuUsage() around its fetch only. Wall: monotonic clock.
// Under valgrind --tool=callgrind, statistics are zeroed before and dumped after each of our fetches.
#include "AzuriteProcess.h"
#include "azure/HttpPipeline.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QThread>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(x)
#endif

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
    const qsizetype n = v.size();
    return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

double minOf(const QList<double> &v)
{
    return v.isEmpty() ? 0 : *std::min_element(v.begin(), v.end());
}

double maxOf(const QList<double> &v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end());
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

struct Sample
{
    double wallMs = 0;
    double cpuMs = 0;
    qint64 entities = 0;
    bool ok = false;
};

Sample oursOnce(TableClient &client, const QString &table)
{
    Sample s;
    bool finished = false;
    bool ok = false;
    QElapsedTimer t;
    CALLGRIND_ZERO_STATS;
    const double c0 = cpuMsNow();
    t.start();
    TableQueryJob *job = client.query(table, {});
    QObject::connect(job, &TableQueryJob::pageReady, job,
                     [&s](const TableEntityPage &p) { s.entities += p.entities.size(); });
    QObject::connect(job, &TableQueryJob::finished, job, [&finished, &ok, job] {
        finished = true;
        ok = job->ok();
    });
    waitUntil([&] { return finished; }, 600000);
    s.wallMs = t.nsecsElapsed() / 1e6;
    s.cpuMs = cpuMsNow() - c0;
    CALLGRIND_DUMP_STATS_AT("ours fetch");
    s.ok = ok;
    return s;
}

// The node SDK baseline, one long-lived process driven over stdin.
class SdkRunner
{
public:
    bool start(const QUrl &endpoint)
    {
        m_node.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_node.start(QStringLiteral("node"),
                     { QStringLiteral(IW_SOURCE_DIR "/tests/bench/node/tables-sdk.mjs"),
                       QStringLiteral(IW_TOOLS_DIR), endpoint.toString() });
        return m_node.waitForStarted(30000);
    }
    Sample once(const QString &table)
    {
        Sample s;
        m_node.write("run " + table.toUtf8() + "\n");
        QByteArray line;
        QElapsedTimer t;
        t.start();
        while (!m_node.canReadLine() && t.elapsed() < 600000 && m_node.state() == QProcess::Running)
            m_node.waitForReadyRead(1000);
        line = m_node.readLine().trimmed();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QLatin1String("error")) || o.isEmpty()) {
            std::fprintf(stderr, "node: %s\n", line.constData());
            return s;
        }
        s.wallMs = o.value(QLatin1String("wallMs")).toDouble();
        s.cpuMs = o.value(QLatin1String("cpuMs")).toDouble();
        s.entities = o.value(QLatin1String("entities")).toInteger();
        s.ok = true;
        return s;
    }
    ~SdkRunner()
    {
        if (m_node.state() == QProcess::Running) {
            m_node.write("quit\n");
            if (!m_node.waitForFinished(10000)) {
                m_node.kill();
                m_node.waitForFinished(3000);
            }
        }
    }

private:
    QProcess m_node;
};

struct Series
{
    QList<double> wall, cpu;
    qint64 entities = -1;
    int failures = 0;
    void add(const Sample &s)
    {
        if (!s.ok) {
            ++failures;
            return;
        }
        wall << s.wallMs;
        cpu << s.cpuMs;
        entities = s.entities;
    }
};

QJsonObject stats(const QList<double> &v)
{
    QJsonArray all;
    for (double d : v)
        all.append(d);
    return QJsonObject { { QStringLiteral("median"), median(v) },
                         { QStringLiteral("min"), minOf(v) },
                         { QStringLiteral("max"), maxOf(v) },
                         { QStringLiteral("samples"), all } };
}

QString cell(const QList<double> &v)
{
    return QStringLiteral("%1 [%2..%3]")
        .arg(median(v), 0, 'f', 1)
        .arg(minOf(v), 0, 'f', 0)
        .arg(maxOf(v), 0, 'f', 0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 5;
    int warmup = 1;
    bool withSdk = true;
    QList<int> counts { 20000, 100000 };
    QString jsonPath;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const auto next = [&]() {
            return i + 1 < args.size() ? args.at(++i) : QString();
        };
        if (a == QLatin1String("--runs"))
            runs = std::max(1, next().toInt());
        else if (a == QLatin1String("--warmup"))
            warmup = std::max(0, next().toInt());
        else if (a == QLatin1String("--json"))
            jsonPath = next();
        else if (a == QLatin1String("--no-sdk"))
            withSdk = false;
        else if (a == QLatin1String("--counts")) {
            counts.clear();
            for (const QString &c : next().split(QLatin1Char(','), Qt::SkipEmptyParts))
                counts << c.toInt();
        } else if (a.toInt() > 0)
            runs = a.toInt();
        else {
            std::fprintf(stderr,
                         "usage: BenchTableFetch [--runs N] [--warmup N] [--counts a,b] [--json FILE] "
                         "[--no-sdk]\n");
            return 2;
        }
    }

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
    SdkRunner sdk;
    if (withSdk && !sdk.start(cfg->endpoint)) {
        std::fprintf(stderr, "node did not start\n");
        return 2;
    }

    double load1 = 0;
    if (QFile f(QStringLiteral("/proc/loadavg")); f.open(QIODevice::ReadOnly))
        load1 = f.readAll().split(' ').value(0).toDouble();
    std::printf(
        "BenchTableFetch: %d measured runs (median [min..max]) after %d warm-up, interleaved with the "
        "SDK; load average at start %.2f on %d cores\n",
        runs, warmup, load1, QThread::idealThreadCount());
    std::printf("%-28s %24s %24s %7s %8s %5s\n", "measure", "ours ms", "sdk ms", "ratio", "target", "pass");
    std::fflush(stdout);

    QJsonArray results;
    int failures = 0;
    for (int count : counts) {
        const QString table = QStringLiteral("Bench%1").arg(count);
        QElapsedTimer lt;
        lt.start();
        if (!load(client, table, count)) {
            std::fprintf(stderr, "loading %d entities failed\n", count);
            return 2;
        }
        std::fprintf(stderr, "loaded %d entities in %lld ms\n", count, lt.elapsed());
        Series a, b;
        for (int r = -warmup; r < runs; ++r) {
            Sample x, y;
            if (r % 2 == 0) { // alternate who goes first
                x = oursOnce(client, table);
                if (withSdk)
                    y = sdk.once(table);
            } else {
                if (withSdk)
                    y = sdk.once(table);
                x = oursOnce(client, table);
            }
            if (r < 0)
                continue;
            a.add(x);
            if (withSdk)
                b.add(y);
        }
        if (a.entities != count || (withSdk && b.entities != count) || a.failures || b.failures) {
            std::fprintf(stderr,
                         "entity counts differ or runs failed: ours %lld (%d failed), sdk %lld (%d failed), "
                         "expected %d\n",
                         a.entities, a.failures, b.entities, b.failures, count);
            ++failures;
        }
        const auto line = [&](const char *what, const QList<double> &ours, const QList<double> &theirs,
                              double target, const char *targetText) {
            const double ratio = withSdk ? median(ours) / std::max(0.001, median(theirs)) : 0;
            const bool ok = withSdk && ratio <= target;
            failures += withSdk && !ok;
            std::printf("%-28s %24s %24s %7.2f %8s %5s\n",
                        qPrintable(QStringLiteral("%1 entities, %2").arg(count).arg(QLatin1String(what))),
                        qPrintable(cell(ours)), qPrintable(withSdk ? cell(theirs) : QStringLiteral("-")),
                        ratio, targetText, withSdk ? (ok ? "pass" : "FAIL") : "-");
            results.append(QJsonObject { { QStringLiteral("entities"), count },
                                         { QStringLiteral("measure"), QLatin1String(what) },
                                         { QStringLiteral("ours"), stats(ours) },
                                         { QStringLiteral("sdk"), stats(theirs) },
                                         { QStringLiteral("ratio"), ratio },
                                         { QStringLiteral("target"), target },
                                         { QStringLiteral("pass"), ok } });
        };
        line("client CPU", a.cpu, b.cpu, 1.0 / 3.0, "<= 0.33");
        line("wall", a.wall, b.wall, 1.0, "<= 1.00");
        std::fflush(stdout);
    }
    if (!jsonPath.isEmpty()) {
        QFile f(jsonPath);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            f.write(
                QJsonDocument(QJsonObject { { QStringLiteral("bench"), QStringLiteral("BenchTableFetch") },
                                            { QStringLiteral("runs"), runs },
                                            { QStringLiteral("warmup"), warmup },
                                            { QStringLiteral("loadAverageAtStart"), load1 },
                                            { QStringLiteral("cores"), QThread::idealThreadCount() },
                                            { QStringLiteral("results"), results } })
                    .toJson());
        } else {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(jsonPath));
        }
    }
    azurite.stop();
    return failures ? 1 : 0;
}
