#include "core/BackgroundThread.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace iw {

#ifdef Q_OS_LINUX
namespace {

// The calling thread's nice value (per thread on Linux), or nothing when it cannot be read.
std::optional<int> niceOfThisThread()
{
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
    if (errno != 0)
        return std::nullopt;
    return nice;
}

} // namespace
#endif

void makeCurrentThreadBackground()
{
    thread_local bool done = false;
    if (done)
        return;
    done = true;
#ifdef Q_OS_LINUX
    if (const std::optional<int> nice = niceOfThisThread()) // best effort: a failure changes nothing
        ::setpriority(PRIO_PROCESS, id_t(::gettid()), *nice + kBackgroundNice);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

int currentThreadNice()
{
#ifdef Q_OS_LINUX
    return niceOfThisThread().value_or(0);
#else
    return 0;
#endif
}

} // namespace iw
