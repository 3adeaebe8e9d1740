#include "app/DebugCounters.h"

#include <QAbstractEventDispatcher>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>
#include <QThread>

#include <cstdio>
#include <cstring>

#include <unistd.h>

// Qt's hook table (qhooks_p.h, what GammaRay uses): callbacks for every QObject created and destroyed.
extern Q_CORE_EXPORT quintptr qtHookData[];

namespace iw {

namespace {

// Every live QObject of the process, when IW_DEBUG_COUNTERS is set (hooks installed before main(), so
// objects without a parent, e.g. a monitor's QTimer member, are seen too).
enum HookIndex { AddQObject = 3, RemoveQObject = 4 };
using ObjectHook = void (*)(QObject *);
QMutex g_objectsMutex;
QSet<QObject *> *g_objects = nullptr;
ObjectHook g_nextAdd = nullptr;

void objectAdded(QObject *o)
{
    {
        QMutexLocker lock(&g_objectsMutex);
        g_objects->insert(o);
    }
    if (g_nextAdd)
        g_nextAdd(o);
}
ObjectHook g_nextRemove = nullptr;
void objectRemoved(QObject *o)
{
    {
        QMutexLocker lock(&g_objectsMutex);
        g_objects->remove(o);
    }
    if (g_nextRemove)
        g_nextRemove(o);
}

const bool g_hooksInstalled = [] {
    if (qEnvironmentVariableIntValue("IW_DEBUG_COUNTERS") <= 0)
        return false;
    g_objects = new QSet<QObject *>();
    g_nextAdd = reinterpret_cast<ObjectHook>(qtHookData[AddQObject]);
    g_nextRemove = reinterpret_cast<ObjectHook>(qtHookData[RemoveQObject]);
    qtHookData[AddQObject] = reinterpret_cast<quintptr>(&objectAdded);
    qtHookData[RemoveQObject] = reinterpret_cast<quintptr>(&objectRemoved);
    return true;
}();

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void countFds(int &fds, int &sockets)
{
    const QDir dir(QStringLiteral("/proc/self/fd"));
    const QStringList entries = dir.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    fds = int(entries.size());
    sockets = 0;
    for (const QString &e : entries) {
        char target[256] = {};
        const QByteArray path = QFile::encodeName(dir.filePath(e));
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        if (n > 0 && std::strncmp(target, "socket:", 7) == 0)
            ++sockets;
    }
}

void walk(QObject *o, QSet<QObject *> &seen, DebugCounters::Sample &s)
{
    if (!o || seen.contains(o))
        return;
    seen.insert(o);
    ++s.objects;
    if (auto *t = qobject_cast<QTimer *>(o)) {
        ++s.qtimers;
        if (t->isActive())
            ++s.activeQtimers;
    }
    if (o->thread() == QThread::currentThread()) {
        if (auto *d = QAbstractEventDispatcher::instance())
            s.timerIds += int(d->registeredTimers(o).size());
    }
    for (QObject *c : o->children())
        walk(c, seen, s);
}

} // namespace

DebugCounters::DebugCounters(QList<QObject *> roots, QObject *parent) : QObject(parent)
{
    for (QObject *r : roots)
        m_roots.append(r);
    m_started = QDateTime::currentMSecsSinceEpoch();
}

DebugCounters::Sample DebugCounters::sample() const
{
    Sample s;
    s.rssKb = rssKb();
    countFds(s.fds, s.sockets);
    QSet<QObject *> seen;
    seen.insert(const_cast<DebugCounters *>(this)); // our own two timers are not the app's
    seen.insert(const_cast<QTimer *>(&m_print));
    seen.insert(const_cast<QTimer *>(&m_refresh));
    if (g_hooksInstalled) {
        // Every live object of this (the GUI) thread; other threads' objects are only counted.
        QMutexLocker lock(&g_objectsMutex);
        s.allObjects = int(g_objects->size());
        QThread *self = QThread::currentThread();
        for (QObject *o : std::as_const(*g_objects)) {
            if (!seen.contains(o) && o->thread() == self)
                walk(o, seen, s);
        }
        return s;
    }
    for (const QPointer<QObject> &r : m_roots)
        walk(r.data(), seen, s);
    return s;
}

QByteArray DebugCounters::format(const Sample &s, qint64 secondsSinceStart)
{
    return QByteArray("IW_COUNTERS t=") + QByteArray::number(secondsSinceStart)
        + " rss_kb=" + QByteArray::number(s.rssKb) + " fds=" + QByteArray::number(s.fds) + " sockets="
        + QByteArray::number(s.sockets) + " qtimers=" + QByteArray::number(s.qtimers) + " active_qtimers="
        + QByteArray::number(s.activeQtimers) + " timer_ids=" + QByteArray::number(s.timerIds)
        + " objects=" + QByteArray::number(s.objects) + " all_objects=" + QByteArray::number(s.allObjects);
}

DebugCounters *DebugCounters::fromEnvironment(QList<QObject *> roots, std::function<void()> refreshAll,
                                              QObject *parent)
{
    const int printSecs = qEnvironmentVariableIntValue("IW_DEBUG_COUNTERS");
    const int refreshMs = qEnvironmentVariableIntValue("IW_DEBUG_REFRESH_MS");
    if (printSecs <= 0 && refreshMs <= 0)
        return nullptr;
    auto *c = new DebugCounters(std::move(roots), parent);
    if (printSecs > 0) {
        connect(&c->m_print, &QTimer::timeout, c, [c] {
            const qint64 t = (QDateTime::currentMSecsSinceEpoch() - c->m_started) / 1000;
            const QByteArray line = format(c->sample(), t) + '\n';
            std::fputs(line.constData(), stderr);
            std::fflush(stderr);
        });
        c->m_print.start(printSecs * 1000);
    }
    if (refreshMs > 0 && refreshAll) {
        connect(&c->m_refresh, &QTimer::timeout, c, std::move(refreshAll));
        c->m_refresh.start(refreshMs);
    }
    return c;
}

} // namespace iw
