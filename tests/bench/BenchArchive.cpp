// Archive benchmark: 1,000,000 notifications into a SQLite archive, then the last 10,000 failures of one
// ErrorCode. Prints a table of times. Built with the project, run by hand:
//   build/tests/bench/BenchArchive [rows] [batch]      (defaults 1000000 10000)

#include "store/SqlArchive.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace iw;

namespace {

const QStringList &errorCodes()
{
    static const QStringList codes {
        QStringLiteral("Stream_ClosingQuoteMissing"),
        QStringLiteral("Download_SourceNotFound"),
        QStringLiteral("BadRequest_EmptyBlob"),
        QStringLiteral("BadRequest_InvalidBlob"),
        QStringLiteral("Stream_WrongNumberOfFields"),
        QStringLiteral("BadRequest_TableNotExist"),
        QStringLiteral("Download_AccessConditionNotSatisfied"),
        QStringLiteral("General_InternalServerError"),
        QStringLiteral("Schema_PermanentUpdateFailure"),
        QStringLiteral("Stream_InputStreamTooLarge"),
    };
    return codes;
}

IngestionNotification make(qint64 i, const QDateTime &base)
{
    IngestionNotification n;
    const bool ok = i % 5 == 0; // 80 % failures
    n.kind = ok ? IngestionNotification::Kind::Success : IngestionNotification::Kind::Failure;
    n.queueName = ok ? QStringLiteral("successfulingestionsqueue") : QStringLiteral("failedingestionsqueue");
    n.messageId = QStringLiteral("8f6b2a9e-%1").arg(i, 12, 16, QLatin1Char('0'));
    n.insertionTime = base.addMSecs(i * 250);
    n.dequeueCount = 1;
    n.operationId = QStringLiteral("3827def6-0773-4f2a-859e-%1").arg(i / 1000, 12, 10, QLatin1Char('0'));
    n.database = QStringLiteral("db%1").arg(i % 3);
    n.table = QStringLiteral("Events");
    n.ingestionSourceId = QStringLiteral("e02acf47-dcc5-4733-8bad-%1").arg(i, 12, 10, QLatin1Char('0'));
    n.ingestionSourcePath
        = QStringLiteral("https://acct.blob.core.windows.net/landing/2025/01/01/part-%1.csv.gz").arg(i);
    n.rootActivityId = QStringLiteral("3c883942-e446-4999-9b00-d4c664f06ef6");
    if (ok) {
        n.succeededOn = n.insertionTime;
    } else {
        n.failedOn = n.insertionTime;
        n.errorCode = errorCodes().at(static_cast<int>((i * 7) % errorCodes().size()));
        n.details = QStringLiteral("Stream with ID 'part-%1.csv' has a malformed CSV format").arg(i);
        n.failureStatus = FailureStatus::Permanent;
    }
    return n;
}

// Process CPU time in ms: the build machine is shared, so wall time alone says little.
double cpuMs()
{
    return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double g_cpuMark = 0;
void mark()
{
    g_cpuMark = cpuMs();
}

void row(const char *what, double ms, const QString &extra = {})
{
    std::printf("| %-50s | %10.1f ms | %10.1f ms | %s\n", what, ms, cpuMs() - g_cpuMark, qPrintable(extra));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    const int batchSize = argc > 2 ? QByteArray(argv[2]).toInt() : 10000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    auto opened = SqlArchive::open(ArchiveConfig::sqlite(QStringLiteral("bench"), path));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    SqlArchive &a = *opened.value();
    const QDateTime base(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);

    std::printf("BenchArchive: %lld notifications, batches of %d, SQLite WAL synchronous=FULL, %s\n",
                static_cast<long long>(rows), batchSize, qPrintable(path));
    std::printf("| %-50s | %13s | %13s | %s\n", "step", "wall", "CPU", "notes");

    // 1. Insert.
    mark();
    QElapsedTimer total;
    total.start();
    qint64 buildNs = 0;
    double buildCpuMs = 0;
    for (qint64 start = 0; start < rows; start += batchSize) {
        QElapsedTimer build;
        build.start();
        const double buildCpu0 = cpuMs();
        ArchiveBatch b;
        const qint64 end = std::min(rows, start + batchSize);
        b.notifications.reserve(end - start);
        for (qint64 i = start; i < end; ++i)
            b.notifications.append(
                NotificationObservation { make(i, base), NotificationOrigin::Consumed, base });
        buildNs += build.nsecsElapsed();
        buildCpuMs += cpuMs() - buildCpu0;
        auto r = a.commit(b);
        if (!r) {
            std::fprintf(stderr, "insert failed: %s\n", qPrintable(r.error().message));
            return 1;
        }
    }
    const double insertMs = total.nsecsElapsed() / 1e6;
    const double insertCpuMark = g_cpuMark;
    const double storeMs = insertMs - buildNs / 1e6;
    row("insert (incl. building the test rows)", insertMs,
        QStringLiteral("%1 rows/s").arg(static_cast<qint64>(rows / (insertMs / 1000.0))));
    g_cpuMark = insertCpuMark + buildCpuMs;
    row("insert (archive only)", storeMs,
        QStringLiteral("%1 rows/s, %2 transactions")
            .arg(static_cast<qint64>(rows / (storeMs / 1000.0)))
            .arg((rows + batchSize - 1) / batchSize));

    // 2. The last 10,000 failures by ErrorCode.
    NotificationQuery q;
    q.kind = IngestionNotification::Kind::Failure;
    q.errorCode = errorCodes().at(3);
    q.limit = 10000;
    QList<double> times;
    qint64 got = 0;
    QList<double> cpu;
    for (int run = 0; run < 5; ++run) {
        const double c0 = cpuMs();
        QElapsedTimer t;
        t.start();
        auto r = a.notifications(q);
        times << t.nsecsElapsed() / 1e6;
        cpu << cpuMs() - c0;
        if (!r) {
            std::fprintf(stderr, "query failed: %s\n", qPrintable(r.error().message));
            return 1;
        }
        got = r->size();
    }
    g_cpuMark = cpuMs() - cpu.first();
    row("last 10,000 failures by ErrorCode (first run)", times.first(),
        QStringLiteral("%1 rows, %2").arg(got).arg(q.errorCode));
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    g_cpuMark = cpuMs() - cpu.at(2);
    row("last 10,000 failures by ErrorCode (median of 5)", times.at(2));

    mark();
    QElapsedTimer t;
    t.start();
    auto c = a.countNotifications(NotificationQuery { q.kind, q.errorCode, {}, {}, {}, {}, {}, {}, 0, {} });
    row("count failures of that ErrorCode", t.nsecsElapsed() / 1e6,
        QStringLiteral("%1").arg(c ? c.value() : -1));

    // 3. De-duplication: 10,000 already archived messages seen again (a peek of a full queue).
    ArchiveBatch again;
    for (qint64 i = rows - 10000; i < rows; ++i)
        again.notifications.append(NotificationObservation { make(i, base), NotificationOrigin::Peeked, {} });
    mark();
    t.restart();
    auto d = a.commit(again);
    row("10,000 known messages seen again (dedup)", t.nsecsElapsed() / 1e6,
        QStringLiteral("%1 known").arg(d ? d->notificationsKnown : -1));

    // 4. Size and integrity.
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    mark();
    t.restart();
    const bool intact = a.checkIntegrity().ok();
    row("integrity_check", t.nsecsElapsed() / 1e6,
        QStringLiteral("%1; file + WAL %2 MB")
            .arg(intact ? QStringLiteral("ok") : QStringLiteral("FAILED"))
            .arg(bytes / 1e6, 0, 'f', 1));
    return intact ? 0 : 1;
}
