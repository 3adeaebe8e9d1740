#pragma once

namespace iw {

// Marks the calling worker thread (a parse or conversion pool thread) as background work, once per thread:
// when it competes with the GUI thread for a core, the GUI thread wins.
//
// On Linux the thread's nice value goes up by kBackgroundNice (setpriority on the thread id changes that
// thread only); QThread::LowPriority does nothing there under SCHED_OTHER. Elsewhere QThread::LowPriority.
// Measured with BenchGuiStall on 2 cores: while 100,000 status rows were parsed, the GUI thread waited up
// to 20 ms for a core behind the parse and conversion threads.
void makeCurrentThreadBackground();

constexpr int kBackgroundNice = 5;

// The calling thread's nice value on Linux (0 elsewhere).
int currentThreadNice();

} // namespace iw
