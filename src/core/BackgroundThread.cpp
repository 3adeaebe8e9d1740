#include "core/BackgroundThread.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace iw {

void makeCurrentThreadBackground()
{
    thread_local bool done = false;
    if (done)
        return;
    done = true;
#ifdef Q_OS_LINUX
    const id_t tid = id_t(::gettid());
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, tid, nice + kBackgroundNice); // best effort: a failure changes nothing
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

int currentThreadNice()
{
#ifdef Q_OS_LINUX
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

} // namespace iw
