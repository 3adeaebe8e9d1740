#include "models/ProgressEstimator.h"

#include <QTest>

using iw::ProgressEstimator;

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kT0 = 1'700'000'000'000;
} // namespace

class TestProgressEstimator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noSamplesNoRate()
    {
        ProgressEstimator e;
        QVERIFY(!e.blobsPerMinute());
        QVERIFY(!e.etaSeconds(10, false));
        QVERIFY(!e.lastChangeMsecs());
        QVERIFY(!e.isStalled(kT0, kMin, true));
        e.addSample(kT0, 5);
        QVERIFY(!e.blobsPerMinute());
    }

    void throughputOverWindow()
    {
        ProgressEstimator e(10 * kMin);
        e.addSample(kT0, 0);
        e.addSample(kT0 + 2 * kMin, 100);
        QCOMPARE(*e.blobsPerMinute(), 50.0);
        e.addSample(kT0 + 4 * kMin, 300);
        QCOMPARE(*e.blobsPerMinute(), 75.0);
    }

    void slidingWindowForgetsOldRate()
    {
        ProgressEstimator e(5 * kMin);
        e.addSample(kT0, 0);
        e.addSample(kT0 + 5 * kMin, 1000); // fast start
        for (int m = 6; m <= 15; ++m)
            e.addSample(kT0 + m * kMin, 1000 + (m - 5) * 10); // then 10 blobs/min
        QCOMPARE(*e.blobsPerMinute(), 10.0);
        QVERIFY(e.samples().size() <= 7u);
    }

    void outOfOrderSamplesAreSorted()
    {
        ProgressEstimator e(60 * kMin);
        e.addSample(kT0 + 2 * kMin, 40);
        e.addSample(kT0, 0); // archive preload arrives after a live poll
        QCOMPARE(e.samples().front().msecs, kT0);
        QCOMPARE(*e.blobsPerMinute(), 20.0);
        e.addSample(kT0 + 2 * kMin, 60); // same time replaces
        QCOMPARE(e.samples().size(), 2u);
        QCOMPARE(*e.blobsPerMinute(), 30.0);
    }

    void counterResetDropsHistory()
    {
        ProgressEstimator e;
        e.addSample(kT0, 500);
        e.addSample(kT0 + kMin, 600);
        e.addSample(kT0 + 2 * kMin, 10);
        QCOMPARE(e.samples().size(), 1u);
        QVERIFY(!e.blobsPerMinute());
    }

    void eta_data()
    {
        QTest::addColumn<qint64>("pending");
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<qint64>("perMinute"); // done per minute in the samples
        QTest::addColumn<qint64>("expected"); // -1 = none
        QTest::newRow("100 pending at 50/min") << qint64(100) << false << qint64(50) << qint64(120);
        QTest::newRow("rate 0") << qint64(100) << false << qint64(0) << qint64(-1);
        QTest::newRow("terminal") << qint64(100) << true << qint64(50) << qint64(-1);
        QTest::newRow("nothing pending") << qint64(0) << false << qint64(0) << qint64(0);
        QTest::newRow("1 pending at 60/min") << qint64(1) << false << qint64(60) << qint64(1);
    }
    void eta()
    {
        QFETCH(qint64, pending);
        QFETCH(bool, terminal);
        QFETCH(qint64, perMinute);
        QFETCH(qint64, expected);
        ProgressEstimator e;
        e.addSample(kT0, 0);
        e.addSample(kT0 + 2 * kMin, 2 * perMinute);
        const auto eta = e.etaSeconds(pending, terminal);
        if (expected < 0)
            QVERIFY(!eta);
        else
            QCOMPARE(*eta, expected);
    }

    void stalledWithInjectedClock()
    {
        ProgressEstimator e(5 * kMin);
        const qint64 threshold = 10 * kMin;
        e.addSample(kT0, 10);
        e.addSample(kT0 + kMin, 20);
        QCOMPARE(*e.lastChangeMsecs(), kT0 + kMin);
        for (int m = 2; m <= 20; ++m)
            e.addSample(kT0 + m * kMin, 20); // no progress; the window drops the change sample
        QCOMPARE(*e.lastChangeMsecs(), kT0 + kMin); // remembered beyond the window
        QCOMPARE(*e.blobsPerMinute(), 0.0);
        QVERIFY(!e.etaSeconds(5, false));
        QVERIFY(!e.isStalled(kT0 + 10 * kMin, threshold, true)); // 9 min
        QVERIFY(e.isStalled(kT0 + 11 * kMin, threshold, true)); // exactly the threshold
        QVERIFY(!e.isStalled(kT0 + 30 * kMin, threshold, false)); // terminal operations never stall
        QVERIFY(!e.isStalled(kT0 + 30 * kMin, 0, true)); // disabled
        e.addSample(kT0 + 21 * kMin, 21);
        QVERIFY(!e.isStalled(kT0 + 22 * kMin, threshold, true));
        QCOMPARE(*e.lastChangeMsecs(), kT0 + 21 * kMin);
    }

    void sampleCountIsBounded()
    {
        ProgressEstimator e(1000LL * kMin);
        for (int i = 0; i < 1000; ++i)
            e.addSample(kT0 + i * 1000, i);
        QVERIFY(e.samples().size() <= static_cast<std::size_t>(ProgressEstimator::kMaxSamples));
        QCOMPARE(*e.blobsPerMinute(), 60.0);
    }
};

QTEST_GUILESS_MAIN(TestProgressEstimator)
#include "TestProgressEstimator.moc"
