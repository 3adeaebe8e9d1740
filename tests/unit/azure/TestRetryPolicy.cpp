#include "azure/RetryPolicy.h"

#include <QTest>

using namespace iw;
using ms = std::chrono::milliseconds;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryableStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        for (int s : { 400, 401, 403, 404, 409, 412, 413, 415, 501, 505 })
            QTest::addRow("%d", s) << s << false;
        for (int s : { 408, 429, 500, 502, 503, 504 })
            QTest::addRow("%d", s) << s << true;
    }
    void retryableStatuses()
    {
        QFETCH(int, status);
        QFETCH(bool, retryable);
        QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);
        RetryPolicy p;
        QCOMPARE(p.nextDelay(1, ms(0), status, false, std::nullopt, 0.5).has_value(), retryable);
    }

    void networkErrorsRetry()
    {
        RetryPolicy p;
        QVERIFY(p.nextDelay(1, ms(0), 0, true, std::nullopt, 0.5).has_value());
    }

    void backoffGrowsAndIsBounded()
    {
        RetryPolicy p;
        p.baseDelay = ms(100);
        p.maxDelay = ms(1000);
        p.jitter = 0;
        QCOMPARE(p.backoff(2, 0.3), ms(100));
        QCOMPARE(p.backoff(3, 0.3), ms(200));
        QCOMPARE(p.backoff(4, 0.3), ms(400));
        QCOMPARE(p.backoff(10, 0.3), ms(1000));
        QCOMPARE(p.backoff(1000, 0.3), ms(1000));
    }

    void jitterStaysInRange()
    {
        RetryPolicy p;
        p.baseDelay = ms(1000);
        p.jitter = 0.5;
        QCOMPARE(p.backoff(2, 0.0), ms(500));
        QCOMPARE(p.backoff(2, 0.5), ms(1000));
        QVERIFY(p.backoff(2, 0.999) <= ms(1500));
        QVERIFY(p.backoff(2, 0.999) > ms(1490));
    }

    void attemptsAreBounded()
    {
        RetryPolicy p;
        p.maxAttempts = 3;
        QVERIFY(p.nextDelay(1, ms(0), 503, false, std::nullopt, 0.5));
        QVERIFY(p.nextDelay(2, ms(0), 503, false, std::nullopt, 0.5));
        QVERIFY(!p.nextDelay(3, ms(0), 503, false, std::nullopt, 0.5));
        QVERIFY(!RetryPolicy::none().nextDelay(1, ms(0), 503, false, std::nullopt, 0.5));
    }

    void stateChangingRequestsAreNotRetriedAfterALostAnswer()
    {
        RetryPolicy p;
        p.retryWhenMaybeRun = false;
        QVERIFY(!p.nextDelay(1, ms(0), 0, true, std::nullopt, 0.5)); // reset / timeout: may have run
        QVERIFY(!p.nextDelay(1, ms(0), 500, false, std::nullopt, 0.5));
        QVERIFY(!p.nextDelay(1, ms(0), 504, false, std::nullopt, 0.5));
        QVERIFY(p.nextDelay(1, ms(0), 429, false, ms(1000), 0.5)); // throttled: not run
        QVERIFY(p.nextDelay(1, ms(0), 503, false, std::nullopt, 0.5));
    }

    void totalTimeIsBounded()
    {
        RetryPolicy p;
        p.maxTotal = ms(1000);
        p.baseDelay = ms(300);
        p.jitter = 0;
        QVERIFY(p.nextDelay(1, ms(600), 500, false, std::nullopt, 0.5));
        QVERIFY(!p.nextDelay(1, ms(800), 500, false, std::nullopt, 0.5));
    }

    void retryAfterIsHonouredOn429And503()
    {
        RetryPolicy p;
        p.baseDelay = ms(10);
        p.jitter = 0;
        QCOMPARE(*p.nextDelay(1, ms(0), 429, false, ms(2000), 0.5), ms(2000));
        QCOMPARE(*p.nextDelay(1, ms(0), 503, false, ms(1500), 0.5), ms(1500));
        QCOMPARE(*p.nextDelay(1, ms(0), 500, false, ms(1500), 0.5), ms(10)); // only on 429/503
        p.maxRetryAfter = ms(1000);
        QVERIFY(!p.nextDelay(1, ms(0), 429, false, ms(5000), 0.5)); // too long: give up
    }

    void parseRetryAfter()
    {
        QCOMPARE(*RetryPolicy::parseRetryAfter("3"), ms(3000));
        QCOMPARE(*RetryPolicy::parseRetryAfter(" 0 "), ms(0));
        QCOMPARE(*RetryPolicy::parseRetryAfter("1.5"), ms(1500));
        QVERIFY(!RetryPolicy::parseRetryAfter(""));
        QVERIFY(!RetryPolicy::parseRetryAfter("-1"));
        QVERIFY(!RetryPolicy::parseRetryAfter("soon"));
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 27, 50), Qt::UTC);
        QCOMPARE(*RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), ms(10000));
        QCOMPARE(*RetryPolicy::parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now), ms(0));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "TestRetryPolicy.moc"
