// Benchmark: 1,000 tracked operations refreshed every 2 s against ingestwatch-sim (a separate process),
// shown in the real main window (operations pane with progress bars, charts). A 1 ms timer probe measures
// how long the GUI event loop is blocked; the longest stall must stay under 16 ms (one frame). A baseline
// with the same window and no polling is measured in the same run.
//
//   BenchGuiStall [--ops N] [--seconds S] [--interval-ms MS]

#include "azure/HttpPipeline.h"
#include "gui/MainWindow.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"

#include "SimulatorProcess.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace iw;

namespace {

struct Probe
{
    std::vector<double> gapsMs;
    double maxStallMs() const
    {
        double m = 0;
        for (double g : gapsMs)
            m = std::max(m, g - 1.0);
        return m;
    }
    double percentileStallMs(double p) const
    {
        if (gapsMs.empty())
            return 0;
        std::vector<double> v = gapsMs;
        std::sort(v.begin(), v.end());
        return std::max(0.0, v[std::size_t(p * double(v.size() - 1))] - 1.0);
    }
    int over(double ms) const
    {
        return int(std::count_if(gapsMs.begin(), gapsMs.end(), [ms](double g) { return g - 1.0 > ms; }));
    }
};

// Runs the event loop for `ms`, ticking a 1 ms precise timer and recording the gaps between ticks.
Probe probe(int ms)
{
    Probe p;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        p.gapsMs.push_back(double(now - last) / 1e6);
        last = now;
    });
    tick.start();
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    return p;
}

void row(const char *phase, const Probe &p, int refreshes, double refreshMs)
{
    std::printf("| %-26s | %7zu | %8.2f | %8.2f | %8.2f | %6d | %9d | %10.1f |\n", phase, p.gapsMs.size(),
                p.maxStallMs(), p.percentileStallMs(0.99), p.percentileStallMs(0.999), p.over(16.0),
                refreshes, refreshMs);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("BenchGuiStall"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption opsOpt(QStringLiteral("ops"), QStringLiteral("Tracked operations."),
                                    QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
                                        QStringLiteral("Measured seconds per phase."), QStringLiteral("S"),
                                        QStringLiteral("20"));
    const QCommandLineOption intervalOpt(QStringLiteral("interval-ms"), QStringLiteral("Refresh interval."),
                                         QStringLiteral("MS"), QStringLiteral("2000"));
    parser.addOptions({ opsOpt, secondsOpt, intervalOpt });
    parser.process(app);
    const int ops = parser.value(opsOpt).toInt();
    const int seconds = parser.value(secondsOpt).toInt();
    const int intervalMs = parser.value(intervalOpt).toInt();

    iw::test::SimulatorProcess sim;
    if (!sim.start({ QStringLiteral("--print-token"), QStringLiteral("--rate"), QStringLiteral("400"),
                     QStringLiteral("--processing-ms"), QStringLiteral("500") })) {
        std::fprintf(stderr, "BenchGuiStall: %s\n", qPrintable(sim.errorString()));
        return 1;
    }
    QTemporaryDir dir;
    Session::Options options;
    options.archivePath = dir.filePath(QStringLiteral("bench.sqlite"));
    options.staticToken = sim.token();
    options.intervalSecs = 0; // the bench drives refreshes itself, below the app's 5 s floor
    Session session(ProfileStore::localProfile(sim.url()), std::move(options));
    MainWindow window;
    window.setSession(&session);
    window.setRefreshInterval(0);
    window.resize(1440, 900);
    window.show();
    OperationMonitor *monitor = session.operationMonitor();

    // 1,000 tracked operations of 40 blobs each, submitted through the app's own path (not measured).
    QElapsedTimer setup;
    setup.start();
    int answered = 0;
    for (int i = 0; i < ops; ++i) {
        SubmitIngestionRequest r;
        r.database = QStringLiteral("Bench");
        r.table = QStringLiteral("T%1").arg(i % 25);
        for (int b = 0; b < 40; ++b)
            r.blobUrls << QStringLiteral("https://bench.blob.core.windows.net/c/%1/%2.csv").arg(i).arg(b);
        monitor->submit(r, [&answered](const Result<QueuedIngestionSubmission> &) { ++answered; });
    }
    while (answered < ops && setup.elapsed() < 300000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    QSignalSpy refreshed(monitor, &OperationMonitor::refreshed);
    monitor->refresh();
    refreshed.wait(60000);
    std::printf("setup: %d operations tracked, %d rows, %.1f s\n", int(monitor->trackedIds().size()),
                session.operationModel()->rowCount(), double(setup.elapsed()) / 1000.0);

    // Baseline: the same window, no polling.
    const Probe baseline = probe(seconds * 1000);

    // Load: a refresh of every tracked id every intervalMs (one show command per 500 ids).
    refreshed.clear();
    QElapsedTimer refreshClock;
    std::vector<double> refreshMs;
    QObject::connect(monitor, &OperationMonitor::refreshStarted, [&] { refreshClock.start(); });
    QObject::connect(monitor, &OperationMonitor::refreshed,
                     [&] { refreshMs.push_back(double(refreshClock.nsecsElapsed()) / 1e6); });
    QTimer poll;
    poll.setInterval(intervalMs);
    QObject::connect(&poll, &QTimer::timeout, monitor, &OperationMonitor::refresh);
    poll.start();
    monitor->refresh();
    const Probe load = probe(seconds * 1000);
    poll.stop();
    double meanRefresh = 0;
    for (double m : refreshMs)
        meanRefresh += m;
    meanRefresh = refreshMs.empty() ? 0 : meanRefresh / double(refreshMs.size());

    std::printf("\nBenchGuiStall: %d tracked operations, refresh every %d ms, %d s per phase\n\n", ops,
                intervalMs, seconds);
    std::printf("| %-26s | %7s | %8s | %8s | %8s | %6s | %9s | %10s |\n", "phase", "ticks", "max ms",
                "p99 ms", "p99.9 ms", ">16ms", "refreshes", "refresh ms");
    std::printf("|%s|\n",
                "----------------------------|---------|----------|----------|----------|--------|"
                "-----------|------------");
    row("baseline (no polling)", baseline, 0, 0);
    row("1000 ops, 2 s refresh", load, int(refreshMs.size()), meanRefresh);
    const bool pass = load.maxStallMs() < 16.0;
    std::printf("\nlongest GUI stall under load: %.2f ms (target < 16 ms): %s\n", load.maxStallMs(),
                pass ? "PASS" : "FAIL");
    std::printf("requests sent: %llu\n", static_cast<unsigned long long>(session.pipeline()->requestsSent()));
    window.close();
    sim.stop();
    return pass ? 0 : 3;
}
