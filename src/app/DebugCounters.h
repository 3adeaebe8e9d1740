#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace iw {

// Debug-only resource counters for the soak test (scripts/soak); off unless an environment variable asks:
//
//   IW_DEBUG_COUNTERS=SECONDS   every SECONDS, one line on stderr:
//       IW_COUNTERS t=<s> rss_kb=<n> fds=<n> sockets=<n> qtimers=<n> active_qtimers=<n> timer_ids=<n>
//                   objects=<n> all_objects=<n>
//   IW_DEBUG_REFRESH_MS=MS      also refresh every pane every MS ms (below the UI's 5 s floor; soak only)
//
// With IW_DEBUG_COUNTERS set, Qt's object hooks (qtHookData, installed before main()) keep the set of every
// live QObject, so timers are counted over all of them: QTimer objects of the GUI thread (and how many are
// active) plus every timer id registered with the event dispatcher for a GUI-thread object (startTimer()
// users such as views); all_objects counts the live QObjects of every thread. Without the hooks, only the
// object trees of the roots given (the application, the session, the window) are walked.
class DebugCounters : public QObject
{
    Q_OBJECT
public:
    struct Sample
    {
        qint64 rssKb = -1;
        int fds = -1;
        int sockets = -1;
        int qtimers = 0;
        int activeQtimers = 0;
        int timerIds = 0;
        int objects = 0; // QObjects of the GUI thread looked at
        int allObjects = -1; // live QObjects of every thread (-1: hooks not installed)
    };

    explicit DebugCounters(QList<QObject *> roots, QObject *parent = nullptr);

    // Reads IW_DEBUG_COUNTERS / IW_DEBUG_REFRESH_MS; returns null when neither is set.
    static DebugCounters *fromEnvironment(QList<QObject *> roots, std::function<void()> refreshAll,
                                          QObject *parent = nullptr);

    Sample sample() const;
    static QByteArray format(const Sample &s, qint64 secondsSinceStart);

private:
    QList<QPointer<QObject>> m_roots;
    QTimer m_print;
    QTimer m_refresh;
    qint64 m_started = 0;
};

} // namespace iw
