#include "core/BackgroundThread.h"

#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>

using namespace iw;

class TestBackgroundThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A worker marked as background runs kBackgroundNice nicer than the GUI thread (on Linux, where the
    // nice value is per thread); marking it again changes nothing, and the GUI thread is left alone.
    void workerIsNicerOnceAndGuiThreadUntouched()
    {
#ifndef Q_OS_LINUX
        QSKIP("per-thread nice values are Linux only");
#endif
        const int gui = currentThreadNice();
        std::atomic<int> before { -100 }, first { -100 }, second { -100 };
        QThread *worker = QThread::create([&] {
            before = currentThreadNice();
            makeCurrentThreadBackground();
            first = currentThreadNice();
            makeCurrentThreadBackground();
            second = currentThreadNice();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QCOMPARE(before.load(), gui);
        QCOMPARE(first.load(), std::min(gui + kBackgroundNice, 19));
        QCOMPARE(second.load(), first.load());
        QCOMPARE(currentThreadNice(), gui);

        // A pool thread keeps it for its next tasks.
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        std::atomic<int> a { -100 }, b { -100 };
        pool.start([&] {
            makeCurrentThreadBackground();
            a = currentThreadNice();
        });
        pool.start([&] { b = currentThreadNice(); });
        QVERIFY(pool.waitForDone(10000));
        QCOMPARE(a.load(), std::min(gui + kBackgroundNice, 19));
        QCOMPARE(b.load(), a.load());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundThread)
#include "TestBackgroundThread.moc"
