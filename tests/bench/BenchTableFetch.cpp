// Fetch and parse 20,000 and 100,000 entities from Azurite with TableClient, side by side with the official
// @azure/data-tables (node, listEntities().byPage()) against the same Azurite, the same tables and in the
// same run. Built with the project, not run by ctest:
//
//   build-rel/tests/bench/BenchTableFetch [--runs N] [--warmup N] [--counts 20000,100000] [--json FILE]
//                                          [--no-sdk] [N]
//
// One Azurite (table service) is started; each table is loaded once and then read by both clients. Runs
// are interleaved (ours, sdk, sdk, ours, ...) so both see the same machine load; after `warmup` unmeasured
// rounds, `runs` measured rounds; the report shows medians, the spread (min..max) goes to stdout above it.
//
// What is compared, and what each side's CPU includes:
// - Same Azurite process, same table, same data, same page size (1000 = the service maximum, set
//   explicitly on both sides), plain http on loopback (no TLS on either side), Shared Key signing on both.
// - Ours: getrusage(RUSAGE_SELF) around the fetch only: user + system of every thread of this process
//   (GUI/main thread, QNAM's HTTP thread, the parse pool). Azurite is another process and not counted.
//   The pipeline and client are long-lived (connection reuse, as in the app).
// - SDK: node's process.cpuUsage() around the fetch only: user + system of every thread of node (main
//   thread, libuv, V8's GC and JIT threads). Node's start-up and module loading are NOT counted (one
//   long-lived node process); JIT warm-up is absorbed by the unmeasured warm-up round(s).
// - Wall: monotonic clock around the fetch, first request to last page delivered (ours: parsed into
//   TableEntity values and delivered on the main thread; SDK: every page deserialised into JS objects).
// Under valgrind --tool=callgrind, statistics are zeroed before and dumped after each of our fetches.
#include "AzuriteProcess.h"
#include "BenchReport.h"
#include "azure/HttpPipeline.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"
#include "core/TableEntityJson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QSysInfo>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

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

constexpr int kPageSize = 1000;

struct Cpu
{
    double userMs = 0;
    double sysMs = 0;
    double minorFaults = 0;
    double contextSwitches = 0; // voluntary + involuntary
};

Cpu cpuNow(int who = RUSAGE_SELF)
{
    rusage ru {};
    getrusage(who, &ru);
    return { ru.ru_utime.tv_sec * 1000.0 + ru.ru_utime.tv_usec / 1000.0,
             ru.ru_stime.tv_sec * 1000.0 + ru.ru_stime.tv_usec / 1000.0, double(ru.ru_minflt),
             double(ru.ru_nvcsw + ru.ru_nivcsw) };
}

using bench::median;

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
    // Sleeps in the event loop until an event arrives. NOT processEvents(WaitForMoreEvents, 50): the overload
    // with a time limit drops WaitForMoreEvents and spins, which burned most of "our" CPU in earlier runs.
    QElapsedTimer t;
    t.start();
    QTimer tick; // a wake-up now and then, so the time limit is checked even when nothing happens
    tick.start(200);
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
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
    double cpuMs = 0; // user + sys
    double userMs = 0;
    double sysMs = 0;
    double minorFaults = 0;
    double contextSwitches = 0;
    qint64 entities = 0;
    bool ok = false;
};

Sample oursOnce(TableClient &client, const QString &table)
{
    Sample s;
    bool finished = false;
    bool ok = false;
    QElapsedTimer t;
    TableQuery q;
    q.top = kPageSize;
    CALLGRIND_ZERO_STATS;
    const Cpu c0 = cpuNow();
    t.start();
    TableQueryJob *job = client.query(table, q);
    QObject::connect(job, &TableQueryJob::pageReady, job,
                     [&s](const TableEntityPage &p) { s.entities += p.entities.size(); });
    QObject::connect(job, &TableQueryJob::finished, job, [&finished, &ok, job] {
        finished = true;
        ok = job->ok();
    });
    waitUntil([&] { return finished; }, 600000);
    s.wallMs = t.nsecsElapsed() / 1e6;
    const Cpu c1 = cpuNow();
    s.userMs = c1.userMs - c0.userMs;
    s.sysMs = c1.sysMs - c0.sysMs;
    s.cpuMs = s.userMs + s.sysMs;
    s.minorFaults = c1.minorFaults - c0.minorFaults;
    s.contextSwitches = c1.contextSwitches - c0.contextSwitches;
    CALLGRIND_DUMP_STATS_AT("ours fetch");
    s.ok = ok;
    return s;
}

// The request TableQueryJob sends for one page (same URL, headers and Shared Key signing).
HttpRequest pageRequest(const StorageServiceConfig &cfg, const QString &table, const QString &pk,
                        const QString &rk)
{
    HttpRequest req;
    QUrl url = cfg.endpoint;
    url.setPath(url.path() + QLatin1Char('/') + table + QStringLiteral("()"));
    QString query = QStringLiteral("$top=%1").arg(kPageSize);
    if (!pk.isEmpty())
        query += QStringLiteral("&NextPartitionKey=") + QString::fromLatin1(QUrl::toPercentEncoding(pk));
    if (!rk.isEmpty())
        query += QStringLiteral("&NextRowKey=") + QString::fromLatin1(QUrl::toPercentEncoding(rk));
    url.setQuery(query);
    req.url = url;
    req.setHeader("Accept", "application/json;odata=nometadata");
    req.setHeader("x-ms-version", "2019-02-02");
    req.setHeader("DataServiceVersion", "3.0;NetFx");
    req.setHeader("MaxDataServiceVersion", "3.0;NetFx");
    const StorageCredential cred = cfg.credential;
    req.prepare = [cred](HttpRequest &r) {
        return cred.applyTable(r);
    };
    return req;
}

// A lean transport, measured before choosing it (not product code): the same signed requests as
// HTTP/1.1 keep-alive on one blocking QTcpSocket on this thread, Content-Length or chunked bodies read
// straight into one buffer per page, no HTTP thread and no cross-thread hand-off. No parse.
Sample rawSocketOnce(const StorageServiceConfig &cfg, const QString &table)
{
    Sample s;
    QElapsedTimer t;
    const Cpu c0 = cpuNow();
    t.start();
    QTcpSocket sock;
    sock.connectToHost(cfg.endpoint.host(), quint16(cfg.endpoint.port(80)));
    if (!sock.waitForConnected(10000)) {
        std::fprintf(stderr, "raw: %s\n", qPrintable(sock.errorString()));
        return s;
    }
    QByteArray buf; // unread bytes
    const auto fill = [&]() {
        if (!sock.bytesAvailable() && !sock.waitForReadyRead(30000))
            return false;
        buf += sock.readAll();
        return true;
    };
    const auto readLine = [&](QByteArray &line) {
        qsizetype i;
        while ((i = buf.indexOf("\r\n")) < 0)
            if (!fill())
                return false;
        line = buf.left(i);
        buf.remove(0, i + 2);
        return true;
    };
    const auto readN = [&](qsizetype n, QByteArray &out) {
        while (buf.size() < n)
            if (!fill())
                return false;
        out += QByteArrayView(buf).first(n);
        buf.remove(0, n);
        return true;
    };
    QString pk, rk;
    while (true) {
        HttpRequest req = pageRequest(cfg, table, pk, rk);
        req.setHeader("x-ms-client-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        (void)req.prepare(req);
        QByteArray wire
            = "GET " + req.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + " HTTP/1.1\r\n";
        wire += "Host: " + req.url.authority().toUtf8() + "\r\nConnection: keep-alive\r\n";
        for (const auto &h : req.headers)
            wire += h.first + ": " + h.second + "\r\n";
        wire += "\r\n";
        sock.write(wire);
        QByteArray line;
        if (!readLine(line) || !line.startsWith("HTTP/1.1 200")) {
            std::fprintf(stderr, "raw: bad status line '%s'\n", line.constData());
            return s;
        }
        qsizetype length = -1;
        bool chunked = false;
        pk.clear();
        rk.clear();
        while (readLine(line) && !line.isEmpty()) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding")
                chunked = value.toLower().contains("chunked");
            else if (name == "x-ms-continuation-nextpartitionkey")
                pk = QString::fromUtf8(value);
            else if (name == "x-ms-continuation-nextrowkey")
                rk = QString::fromUtf8(value);
        }
        QByteArray body;
        if (chunked) {
            while (true) {
                if (!readLine(line))
                    return s;
                const qsizetype n = line.split(';').value(0).trimmed().toLongLong(nullptr, 16);
                if (n == 0) {
                    while (readLine(line) && !line.isEmpty()) { }
                    break;
                }
                QByteArray crlf;
                if (!readN(n, body) || !readN(2, crlf))
                    return s;
            }
        } else if (length >= 0) {
            body.reserve(length);
            if (!readN(length, body))
                return s;
        } else {
            std::fprintf(stderr, "raw: no length\n");
            return s;
        }
        s.entities += body.count("\"PartitionKey\""); // a count to check against, not a parse
        if (pk.isEmpty() && rk.isEmpty())
            break;
    }
    s.ok = true;
    s.wallMs = t.nsecsElapsed() / 1e6;
    const Cpu c1 = cpuNow();
    s.userMs = c1.userMs - c0.userMs;
    s.sysMs = c1.sysMs - c0.sysMs;
    s.cpuMs = s.userMs + s.sysMs;
    return s;
}

// The transport floor: the same requests (same signing, same continuation walk, same pipeline) without
// parsing. The bodies are kept for parseOnce().
Sample transportOnce(HttpPipeline &pipeline, const StorageServiceConfig &cfg, const QString &table,
                     QList<QByteArray> *bodies)
{
    Sample s;
    bool finished = false;
    QElapsedTimer t;
    const Cpu c0 = cpuNow();
    t.start();
    std::function<void(const QString &, const QString &)> get = [&](const QString &pk, const QString &rk) {
        HttpRequest req = pageRequest(cfg, table, pk, rk);
        pipeline.send(std::move(req), nullptr, [&](Result<HttpResponse> r) {
            if (!r) {
                std::fprintf(stderr, "transport: %s\n", qPrintable(r.error().toString()));
                finished = true;
                return;
            }
            const QString nextPk = QString::fromUtf8(r->header("x-ms-continuation-NextPartitionKey"));
            const QString nextRk = QString::fromUtf8(r->header("x-ms-continuation-NextRowKey"));
            if (bodies)
                bodies->append(r->body);
            if (nextPk.isEmpty() && nextRk.isEmpty()) {
                finished = true;
                s.ok = true;
            } else {
                get(nextPk, nextRk);
            }
        });
    };
    get({}, {});
    waitUntil([&] { return finished; }, 600000);
    s.wallMs = t.nsecsElapsed() / 1e6;
    const Cpu c1 = cpuNow();
    s.userMs = c1.userMs - c0.userMs;
    s.sysMs = c1.sysMs - c0.sysMs;
    s.cpuMs = s.userMs + s.sysMs;
    return s;
}

// The parse floor: the same bodies parsed one after the other on this thread (no network, no threads).
Sample parseOnce(const QList<QByteArray> &bodies)
{
    Sample s;
    QElapsedTimer t;
    const Cpu c0 = cpuNow(RUSAGE_THREAD);
    t.start();
    s.ok = true;
    for (const QByteArray &b : bodies) {
        auto page = TableEntityJson::parsePage(b);
        if (!page) {
            s.ok = false;
            break;
        }
        s.entities += page->size();
    }
    s.wallMs = t.nsecsElapsed() / 1e6;
    const Cpu c1 = cpuNow(RUSAGE_THREAD);
    s.userMs = c1.userMs - c0.userMs;
    s.sysMs = c1.sysMs - c0.sysMs;
    s.cpuMs = s.userMs + s.sysMs;
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
        m_node.write("run " + table.toUtf8() + " " + QByteArray::number(kPageSize) + "\n");
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
        s.userMs = o.value(QLatin1String("userMs")).toDouble();
        s.sysMs = o.value(QLatin1String("sysMs")).toDouble();
        s.cpuMs = s.userMs + s.sysMs;
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
    QList<double> wall, cpu, user, sys, faults, switches;
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
        user << s.userMs;
        sys << s.sysMs;
        faults << s.minorFaults;
        switches << s.contextSwitches;
        entities = s.entities;
    }
};

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
            next(); // read by bench::Report::writeJsonFromArgs
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
    std::printf("BenchTableFetch: %d measured runs after %d warm-up, interleaved with the SDK; load average "
                "at start %.2f on %d cores\n",
                runs, warmup, load1, QThread::idealThreadCount());
    std::printf("%-40s %22s %22s\n", "spread (median [min..max])", "ours ms", "sdk ms");
    std::fflush(stdout);

    bench::Report report(QStringLiteral("BenchTableFetch (median of %1 interleaved runs, page size %2, "
                                        "load average at start %3)")
                             .arg(runs)
                             .arg(kPageSize)
                             .arg(load1, 0, 'f', 2));
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
        Series a, b, tr, pa, raw;
        for (int r = -warmup; r < runs; ++r) {
            Sample x, y;
            QList<QByteArray> bodies;
            const Sample z = transportOnce(pipeline, cfg.value(), table, &bodies);
            const Sample w = parseOnce(bodies);
            bodies.clear();
            const Sample v = rawSocketOnce(cfg.value(), table);
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
            tr.add(z);
            pa.add(w);
            raw.add(v);
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
        const QString n = QLocale::c().toString(count);
        const auto spread = [&](const QString &what, const QList<double> &ours, const QList<double> &theirs) {
            std::printf("%-40s %22s %22s\n", qPrintable(n + QStringLiteral(" entities, ") + what),
                        qPrintable(cell(ours)),
                        qPrintable(withSdk && !theirs.isEmpty() ? cell(theirs) : QStringLiteral("-")));
        };
        spread(QStringLiteral("client CPU user+sys"), a.cpu, b.cpu);
        spread(QStringLiteral("client CPU user"), a.user, b.user);
        spread(QStringLiteral("client CPU sys"), a.sys, b.sys);
        spread(QStringLiteral("wall"), a.wall, b.wall);
        spread(QStringLiteral("minor page faults"), a.faults, {});
        spread(QStringLiteral("context switches"), a.switches, {});
        spread(QStringLiteral("HTTP only: CPU user+sys"), tr.cpu, {});
        spread(QStringLiteral("HTTP only: CPU sys"), tr.sys, {});
        spread(QStringLiteral("HTTP only: wall"), tr.wall, {});
        spread(QStringLiteral("parse only: CPU (1 thread)"), pa.cpu, {});
        spread(QStringLiteral("raw socket HTTP only: CPU user+sys"), raw.cpu, {});
        spread(QStringLiteral("raw socket HTTP only: CPU sys"), raw.sys, {});
        spread(QStringLiteral("raw socket HTTP only: wall"), raw.wall, {});
        if (raw.entities != count)
            std::fprintf(stderr, "raw socket: %lld entities, expected %d\n", raw.entities, count);
        std::fflush(stdout);

        const auto row = [&](const QString &what, const QList<double> &ours, const QList<double> &theirs,
                             std::optional<double> target, const QString &targetText) {
            bench::Row r;
            r.measure = n + QStringLiteral(" entities, ") + what;
            r.unit = QStringLiteral("ms");
            r.ours = median(ours);
            if (withSdk)
                r.baseline = median(theirs);
            r.target = targetText;
            if (target && r.ratio()) {
                r.pass = *r.ratio() <= *target;
                failures += *r.pass ? 0 : 1;
            }
            report.add(r);
        };
        row(QStringLiteral("client CPU user+sys"), a.cpu, b.cpu, 1.0 / 3.0, QStringLiteral("<= 0.33x SDK"));
        row(QStringLiteral("client CPU user"), a.user, b.user, std::nullopt, QStringLiteral("-"));
        row(QStringLiteral("client CPU sys"), a.sys, b.sys, std::nullopt, QStringLiteral("-"));
        row(QStringLiteral("wall"), a.wall, b.wall, 1.0, QStringLiteral("<= 1.00x SDK"));
        // Where our CPU goes: the transport alone (QNAM + pipeline + signing) and the parse alone.
        row(QStringLiteral("HTTP only (no parse), CPU"), tr.cpu, b.cpu, std::nullopt,
            QStringLiteral("(floor of this path)"));
        row(QStringLiteral("parse only (no HTTP), CPU"), pa.cpu, b.cpu, std::nullopt,
            QStringLiteral("(floor of this path)"));
        row(QStringLiteral("raw QTcpSocket HTTP only, CPU"), raw.cpu, b.cpu, std::nullopt,
            QStringLiteral("(lean path, bench only)"));
    }
    report.print();
    if (!report.writeJsonFromArgs(app.arguments()))
        ++failures;
    azurite.stop();
    return failures ? 1 : 0;
}
