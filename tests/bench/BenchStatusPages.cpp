// P3 (issue #10): GUI-thread work per 1,000-row status page with N rows already shown, on the real
// IngestionStatusModel + IngestionStatusFilterProxy + StatusesPane (shown offscreen), as
// StatusMonitor::onRows hands a page over: upsert, then one event-loop turn (deferred view layout, paint).
//
//   BenchStatusPages [--preload N] [--pages K] [--sort-column C]
// Meant for callgrind: the measured part is measurePages(), so
//   valgrind --tool=callgrind --toggle-collect='*measurePages*' BenchStatusPages --preload 50000
// gives the instructions of K pages at N rows (inclusive cost of measurePages). Without valgrind it prints
// the process CPU milliseconds per page at N rows against the first page on an empty model (the baseline).
#include "gui/StatusesPane.h"
#include "models/IngestionStatusFilterProxy.h"
#include "models/IngestionStatusModel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRandomGenerator>
#include <QTableView>

#include <cstdio>
#include <ctime>

using namespace iw;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

QString guid(QRandomGenerator &rng)
{
    quint32 w[4];
    rng.fillRange(w, 4);
    return QStringLiteral("%1-%2-4%3-8%4-%5%6")
        .arg(w[0], 8, 16, QLatin1Char('0'))
        .arg(w[1] >> 16, 4, 16, QLatin1Char('0'))
        .arg(w[1] & 0xFFF, 3, 16, QLatin1Char('0'))
        .arg(w[2] & 0xFFF, 3, 16, QLatin1Char('0'))
        .arg(w[2] >> 16, 4, 16, QLatin1Char('0'))
        .arg(w[3], 8, 16, QLatin1Char('0'));
}

QList<IngestionStatus> makePage(int first, int count, QRandomGenerator &rng)
{
    QList<IngestionStatus> page;
    page.reserve(count);
    for (int n = first; n < first + count; ++n) {
        IngestionStatus s;
        s.ingestionSourceId = guid(rng);
        s.partitionKey = s.ingestionSourceId;
        s.rowKey = s.ingestionSourceId;
        s.timestamp = kT0.addMSecs(qint64(n) * 50);
        const int r = int(rng.bounded(100));
        s.status = r < 90 ? OperationStatus::Succeeded
            : r < 95      ? OperationStatus::Failed
            : r < 98      ? OperationStatus::Pending
                          : OperationStatus::Queued;
        s.ingestionSourcePath
            = QStringLiteral("https://contosoingest%1.blob.core.windows.net/landing/sales/%2/"
                             "part-%3.csv.gz")
                  .arg(n % 4)
                  .arg(1 + (n / 200) % 28, 2, 10, QLatin1Char('0'))
                  .arg(n, 8, 10, QLatin1Char('0'));
        s.database = QStringLiteral("Database%1").arg(n % 5);
        s.table = QStringLiteral("Table%1").arg(n % 20);
        s.updatedOn = kT0.addMSecs(qint64(rng.bounded(86'400'000)));
        s.operationId = guid(rng);
        s.activityId = guid(rng);
        page.append(s);
    }
    return page;
}

double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

void handPage(IngestionStatusModel &model, const QList<IngestionStatus> &page)
{
    model.upsert(page);
    QCoreApplication::processEvents();
}

} // namespace

// The measured part (callgrind --toggle-collect='*measurePages*').
__attribute__((noinline)) void measurePages(IngestionStatusModel &model,
                                            const QList<QList<IngestionStatus>> &pages)
{
    for (const QList<IngestionStatus> &page : pages)
        handPage(model, page);
}

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption preloadOpt(QStringLiteral("preload"), QStringLiteral("Rows already shown."),
                                        QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption pagesOpt(QStringLiteral("pages"), QStringLiteral("Pages measured."),
                                      QStringLiteral("K"), QStringLiteral("3"));
    const QCommandLineOption sortOpt(QStringLiteral("sort-column"),
                                     QStringLiteral("Column the view sorts by (default: the view's own)."),
                                     QStringLiteral("C"), QStringLiteral("-2"));
    parser.addOptions({ preloadOpt, pagesOpt, sortOpt });
    parser.process(app);
    const int preload = parser.value(preloadOpt).toInt();
    const int pageCount = std::max(1, parser.value(pagesOpt).toInt());
    constexpr int kPage = 1000;

    QRandomGenerator rng(42);
    IngestionStatusModel model;
    StatusesPane pane;
    pane.setMonitor(nullptr, &model);
    pane.resize(1200, 800);
    pane.show();
    if (const int column = parser.value(sortOpt).toInt(); column >= -1)
        pane.view()->sortByColumn(column, Qt::AscendingOrder);
    QCoreApplication::processEvents();

    // Baseline: the first page on an empty model.
    const QList<IngestionStatus> firstPage = makePage(0, kPage, rng);
    double t = cpuMs();
    handPage(model, firstPage);
    const double baseMs = cpuMs() - t;

    for (int n = kPage; n < preload; n += kPage)
        handPage(model, makePage(n, std::min(kPage, preload - n), rng));

    QList<QList<IngestionStatus>> pages;
    for (int i = 0; i < pageCount; ++i)
        pages.append(makePage(std::max(preload, kPage) + i * kPage, kPage, rng));
    t = cpuMs();
    measurePages(model, pages);
    const double perPage = (cpuMs() - t) / pageCount;

    std::printf("P3 status pages: %d rows per page, sorted by column %d\n", kPage,
                pane.proxy()->sortColumn());
    std::printf("%-40s | %10s | %6s\n", "case", "CPU ms", "ratio");
    std::printf("%-40s | %10.2f | %6.2f\n", "baseline: first page, empty model", baseMs, 1.0);
    std::printf("%-40s | %10.2f | %6.2f\n", qPrintable(QStringLiteral("page at %1 rows").arg(preload)),
                perPage, baseMs > 0 ? perPage / baseMs : 0.0);
    std::printf("rows shown: %d\n", pane.proxy()->rowCount());
    return pane.proxy()->rowCount() == model.rowCount() ? 0 : 1;
}
