// P6 (issue #10): cold start of the real `ingestwatch` binary to its first shown window, and its idle RSS 5 s
// later, with the demo profile: the app runs with --local-backend against scripts/backend (Azurite +
// ingestwatch-sim --demo). Baseline: iw_hello_window, the smallest Qt Widgets program showing a window,
// built in the same build, measured in the same run, interleaved with the app.
//
// Measured from outside, nothing added to the app: the bench starts its own Xvfb, listens on the root
// window for MapNotify (xcb, SubstructureNotify) and times process start -> the map of a top-level window
// whose _NET_WM_PID is the started process (Qt maps the window in QWidget::show()). Idle RSS = VmRSS of
// /proc/<pid>/status after --idle-seconds. One unmeasured warm-up run of each, then --runs measured runs;
// medians. "Cold" means a new process each time, not an empty page cache (that needs root).
//
//   BenchStartup [--runs 5] [--idle-seconds 5] [--app PATH] [--hello PATH] [--sim PATH] [--json FILE]
#include "BenchReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <xcb/xcb.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double rssMb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

// Our own X server, so that nothing else maps windows while we watch.
class Xvfb
{
public:
    bool start()
    {
        for (int n = 90 + int(QCoreApplication::applicationPid() % 50); n < 200; ++n) {
            if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))
                || QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n)))
                continue;
            m_display = QStringLiteral(":%1").arg(n);
            m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            m_proc.start(QStringLiteral("Xvfb"),
                         { m_display, QStringLiteral("-screen"), QStringLiteral("0"),
                           QStringLiteral("1920x1080x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                           QStringLiteral("-noreset") });
            if (!m_proc.waitForStarted(10000))
                return false;
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 15000 && m_proc.state() == QProcess::Running) {
                if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))) {
                    m_conn = xcb_connect(qPrintable(m_display), nullptr);
                    if (m_conn && !xcb_connection_has_error(m_conn))
                        return true;
                    if (m_conn)
                        xcb_disconnect(m_conn);
                    m_conn = nullptr;
                }
                QThread::msleep(50);
            }
            m_proc.kill();
            m_proc.waitForFinished(3000);
        }
        return false;
    }
    ~Xvfb()
    {
        if (m_conn)
            xcb_disconnect(m_conn);
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            if (!m_proc.waitForFinished(3000)) {
                m_proc.kill();
                m_proc.waitForFinished(3000);
            }
        }
    }
    QString display() const { return m_display; }
    xcb_connection_t *connection() const { return m_conn; }

private:
    QProcess m_proc;
    QString m_display;
    xcb_connection_t *m_conn = nullptr;
};

class MapWatcher
{
public:
    explicit MapWatcher(xcb_connection_t *c) : m_c(c)
    {
        xcb_screen_t *screen = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
        const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
        xcb_change_window_attributes(c, screen->root, XCB_CW_EVENT_MASK, &mask);
        const char name[] = "_NET_WM_PID";
        xcb_intern_atom_reply_t *r
            = xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, sizeof(name) - 1, name), nullptr);
        m_pidAtom = r ? r->atom : xcb_atom_t(XCB_ATOM_NONE);
        free(r);
        xcb_flush(c);
    }
    void drain()
    {
        while (xcb_generic_event_t *e = xcb_poll_for_event(m_c))
            free(e);
    }
    // Waits for the map of a top-level window of `pid`; the elapsed ms of `clock`, or -1.
    double waitForMap(qint64 pid, const QElapsedTimer &clock, const QProcess &proc, int timeoutMs)
    {
        while (clock.elapsed() < timeoutMs && proc.state() != QProcess::NotRunning) {
            xcb_generic_event_t *e = xcb_poll_for_event(m_c);
            if (!e) {
                QThread::usleep(200);
                continue;
            }
            const double at = double(clock.nsecsElapsed()) / 1e6;
            const bool map = (e->response_type & 0x7f) == XCB_MAP_NOTIFY;
            const xcb_window_t w = map ? reinterpret_cast<xcb_map_notify_event_t *>(e)->window : 0;
            free(e);
            if (map && windowPid(w) == pid)
                return at;
        }
        return -1;
    }

private:
    qint64 windowPid(xcb_window_t w)
    {
        if (m_pidAtom == XCB_ATOM_NONE)
            return -1;
        xcb_get_property_reply_t *r = xcb_get_property_reply(
            m_c, xcb_get_property(m_c, 0, w, m_pidAtom, XCB_ATOM_CARDINAL, 0, 1), nullptr);
        qint64 pid = -1;
        if (r && xcb_get_property_value_length(r) >= 4)
            pid = *static_cast<uint32_t *>(xcb_get_property_value(r));
        free(r);
        return pid;
    }

    xcb_connection_t *m_c;
    xcb_atom_t m_pidAtom = XCB_ATOM_NONE;
};

struct RunResult
{
    double mapMs = -1;
    double rssMb = -1;
};

RunResult runOnce(MapWatcher &watcher, const QString &program, const QStringList &args,
                  const QProcessEnvironment &env, int idleSeconds)
{
    RunResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    watcher.drain();
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    if (!p.waitForStarted(30000)) {
        std::fprintf(stderr, "BenchStartup: %s did not start: %s\n", qPrintable(program),
                     qPrintable(p.errorString()));
        return r;
    }
    r.mapMs = watcher.waitForMap(p.processId(), clock, p, 60000);
    if (r.mapMs >= 0) {
        QThread::msleep(static_cast<unsigned long>(idleSeconds) * 1000);
        if (p.state() == QProcess::Running)
            r.rssMb = rssMb(p.processId());
    } else {
        std::fprintf(stderr, "BenchStartup: no window of %s within 60 s (exit %d)\n", qPrintable(program),
                     p.exitCode());
    }
    p.terminate();
    if (!p.waitForFinished(5000)) {
        p.kill();
        p.waitForFinished(3000);
    }
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString build = QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../.."));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Measured runs of each."),
                                     QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption idleOpt(QStringLiteral("idle-seconds"), QStringLiteral("Idle time before RSS."),
                                     QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption appOpt(QStringLiteral("app"), QStringLiteral("The ingestwatch binary."),
                                    QStringLiteral("PATH"), build + QStringLiteral("/src/app/ingestwatch"));
    const QCommandLineOption helloOpt(QStringLiteral("hello"), QStringLiteral("The baseline binary."),
                                      QStringLiteral("PATH"),
                                      build + QStringLiteral("/tests/bench/iw_hello_window"));
    const QCommandLineOption simOpt(QStringLiteral("sim"), QStringLiteral("The ingestwatch-sim binary."),
                                    QStringLiteral("PATH"),
                                    build + QStringLiteral("/src/simulator/ingestwatch-sim"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Write the results as JSON."),
                                     QStringLiteral("FILE"));
    parser.addOptions({ runsOpt, idleOpt, appOpt, helloOpt, simOpt, jsonOpt });
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const int idleSeconds = std::max(0, parser.value(idleOpt).toInt());
    const QString appBin = parser.value(appOpt);
    const QString helloBin = parser.value(helloOpt);
    for (const QString &bin : { appBin, helloBin, parser.value(simOpt) }) {
        if (!QFileInfo(bin).isExecutable()) {
            std::fprintf(stderr, "BenchStartup: %s is not built\n", qPrintable(bin));
            return 2;
        }
    }

    Xvfb xvfb;
    if (!xvfb.start()) {
        std::fprintf(stderr, "BenchStartup: cannot start Xvfb (scripts/setup installs it)\n");
        return 2;
    }
    MapWatcher watcher(xvfb.connection());

    // The demo backend, as an operator starts it: scripts/backend (Azurite + ingestwatch-sim --demo).
    QTemporaryDir tmp;
    const QString envFile = tmp.filePath(QStringLiteral("backend.env"));
    QProcess backend;
    backend.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    backend.setStandardOutputFile(QProcess::nullDevice());
    backend.start(QStringLiteral("bash"),
                  { QStringLiteral(IW_SOURCE_DIR "/scripts/backend"), QStringLiteral("--sim"),
                    parser.value(simOpt), QStringLiteral("--env-file"), envFile });
    QElapsedTimer wait;
    wait.start();
    bool ready = false;
    while (!ready && wait.elapsed() < 120000 && backend.state() != QProcess::NotRunning) {
        QFile f(envFile);
        ready = f.open(QIODevice::ReadOnly) && f.readAll().contains("READY=1");
        if (!ready)
            backend.waitForFinished(200);
    }
    if (!ready) {
        std::fprintf(stderr, "BenchStartup: scripts/backend did not get ready\n");
        backend.kill();
        return 2;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), xvfb.display());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp.filePath(QStringLiteral("config"))); // no user settings
    env.insert(QStringLiteral("XDG_DATA_HOME"), tmp.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), tmp.filePath(QStringLiteral("cache")));

    std::vector<double> appMap, appRss, helloMap, helloRss;
    std::printf("| run | app window ms | app RSS MB | hello window ms | hello RSS MB |\n");
    std::printf("|----:|-------------:|-----------:|----------------:|-------------:|\n");
    for (int i = 0; i <= runs; ++i) { // run 0: warm-up, not counted
        const QStringList appArgs { QStringLiteral("--local-backend"), envFile, QStringLiteral("--archive"),
                                    tmp.filePath(QStringLiteral("archive-%1.sqlite").arg(i)) };
        const RunResult a = runOnce(watcher, appBin, appArgs, env, idleSeconds);
        const RunResult h = runOnce(watcher, helloBin, {}, env, idleSeconds);
        std::printf("| %3s | %12.1f | %10.1f | %15.1f | %12.1f |\n",
                    i == 0 ? "w" : qPrintable(QString::number(i)), a.mapMs, a.rssMb, h.mapMs, h.rssMb);
        std::fflush(stdout);
        if (i == 0)
            continue;
        if (a.mapMs >= 0)
            appMap.push_back(a.mapMs);
        if (a.rssMb >= 0)
            appRss.push_back(a.rssMb);
        if (h.mapMs >= 0)
            helloMap.push_back(h.mapMs);
        if (h.rssMb >= 0)
            helloRss.push_back(h.rssMb);
    }
    backend.terminate();
    if (!backend.waitForFinished(10000)) {
        backend.kill();
        backend.waitForFinished(3000);
    }

    iw::bench::Report report(QStringLiteral("BenchStartup"));
    const bool appOk = int(appMap.size()) == runs && int(appRss.size()) == runs;
    const auto base = [](const std::vector<double> &v) {
        return v.empty() ? std::nullopt : std::optional<double>(median(v));
    };
    report.add({ QStringLiteral("P6 start to first shown window, demo profile"), QStringLiteral("ms"),
                 median(appMap), base(helloMap), QStringLiteral("<= 400 ms"),
                 appOk && median(appMap) <= 400.0 });
    report.add({ QStringLiteral("P6 idle RSS after %1 s, demo profile").arg(idleSeconds),
                 QStringLiteral("MB"), median(appRss), base(helloRss), QStringLiteral("<= 80 MB"),
                 appOk && median(appRss) <= 80.0 });
    std::printf("\nmedians of %d runs (after one warm-up) on Xvfb; baseline: minimal Qt Widgets window\n",
                runs);
    report.print();
    if (!report.writeJsonFromArgs(app.arguments()))
        return 2;
    return appOk ? 0 : 1;
}
