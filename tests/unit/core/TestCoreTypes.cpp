#include "core/IngestionNotification.h"
#include "core/IngestionStatus.h"
#include "core/QueuedOperation.h"
#include "core/Result.h"

#include <QTest>

using namespace iw;

class TestCoreTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void operationStatusFromText_data();
    void operationStatusFromText();
    void failureStatusFromText_data();
    void failureStatusFromText();
    void operationStateFromText_data();
    void operationStateFromText();
    void namesRoundTrip();
    void finalityAndRetry();
    void dedupKey();
    void errorText();
};

void TestCoreTypes::operationStatusFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: not recognised
    QTest::newRow("Pending") << QStringLiteral("Pending") << QStringLiteral("Pending");
    QTest::newRow("lower") << QStringLiteral("succeeded") << QStringLiteral("Succeeded");
    QTest::newRow("padded") << QStringLiteral(" Failed ") << QStringLiteral("Failed");
    QTest::newRow("PartiallySucceeded")
        << QStringLiteral("PartiallySucceeded") << QStringLiteral("PartiallySucceeded");
    QTest::newRow("number 3") << QStringLiteral("3") << QStringLiteral("Queued");
    QTest::newRow("number 5") << QStringLiteral("5") << QStringLiteral("PartiallySucceeded");
    QTest::newRow("number 6") << QStringLiteral("6") << QString();
    QTest::newRow("negative") << QStringLiteral("-1") << QString();
    QTest::newRow("Success (not the service's word)") << QStringLiteral("Success") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCoreTypes::operationStatusFromText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto s = operationStatusFromString(text);
    QCOMPARE(s ? toString(*s) : QString(), expected);
}

void TestCoreTypes::failureStatusFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Permanent") << QStringLiteral("Permanent") << QStringLiteral("Permanent");
    QTest::newRow("upper") << QStringLiteral("TRANSIENT") << QStringLiteral("Transient");
    QTest::newRow("0") << QStringLiteral("0") << QStringLiteral("Unknown");
    QTest::newRow("3") << QStringLiteral("3") << QStringLiteral("Exhausted");
    QTest::newRow("4") << QStringLiteral("4") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("garbage") << QStringLiteral("perm") << QString();
}

void TestCoreTypes::failureStatusFromText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto s = failureStatusFromString(text);
    QCOMPARE(s ? toString(*s) : QString(), expected);
}

void TestCoreTypes::operationStateFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("InProgress") << QStringLiteral("InProgress") << QStringLiteral("InProgress");
    QTest::newRow("lower") << QStringLiteral("completed") << QStringLiteral("Completed");
    QTest::newRow("British spelling") << QStringLiteral("Cancelled") << QStringLiteral("Canceled");
    QTest::newRow("Canceled") << QStringLiteral("Canceled") << QStringLiteral("Canceled");
    QTest::newRow("numbers are not States") << QStringLiteral("1") << QString();
    QTest::newRow("unknown") << QStringLiteral("Throttled") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCoreTypes::operationStateFromText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto s = operationStateFromString(text);
    QCOMPARE(s ? toString(*s) : QString(), expected);
}

void TestCoreTypes::namesRoundTrip()
{
    for (int i = 0; i <= static_cast<int>(OperationStatus::PartiallySucceeded); ++i) {
        const auto s = static_cast<OperationStatus>(i);
        QCOMPARE(operationStatusFromString(toString(s)), std::optional(s));
    }
    for (int i = 0; i <= static_cast<int>(FailureStatus::Exhausted); ++i) {
        const auto s = static_cast<FailureStatus>(i);
        QCOMPARE(failureStatusFromString(toString(s)), std::optional(s));
    }
    for (int i = 0; i <= static_cast<int>(OperationState::Canceled); ++i) {
        const auto s = static_cast<OperationState>(i);
        QCOMPARE(operationStateFromString(toString(s)), std::optional(s));
    }
    QCOMPARE(toString(IngestionNotification::Kind::Failure), QStringLiteral("Failure"));
    QCOMPARE(toString(IngestionNotification::Kind::Success), QStringLiteral("Success"));
    QCOMPARE(toString(IngestionNotification::Kind::Malformed), QStringLiteral("Malformed"));
}

void TestCoreTypes::finalityAndRetry()
{
    QVERIFY(!isFinal(OperationStatus::Pending));
    QVERIFY(isFinal(OperationStatus::Queued)); // permanent: no table tracking was asked for
    QVERIFY(isFinal(OperationStatus::Succeeded));
    QVERIFY(isRetryable(FailureStatus::Transient));
    QVERIFY(isRetryable(FailureStatus::Exhausted));
    QVERIFY(!isRetryable(FailureStatus::Permanent));
    QVERIFY(!isRetryable(FailureStatus::Unknown));
    QVERIFY(!isTerminal(OperationState::InProgress));
    QVERIFY(isTerminal(OperationState::Canceled));

    QueuedOperation op;
    op.ingested = 5;
    op.failed = 2;
    op.canceled = 1;
    op.pending = 9;
    QCOMPARE(op.done(), 8);
}

void TestCoreTypes::dedupKey()
{
    IngestionNotification a;
    a.kind = IngestionNotification::Kind::Failure;
    a.operationId = QStringLiteral("op");
    a.ingestionSourceId = QStringLiteral("src");
    a.failedOn = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    IngestionNotification b = a;
    QCOMPARE(a.dedupKey(), b.dedupKey());
    b.failedOn = b.failedOn.addSecs(1);
    QVERIFY(a.dedupKey() != b.dedupKey());
    // A queue message id wins: the same message seen twice is one notification.
    a.messageId = QStringLiteral("m1");
    b.messageId = QStringLiteral("m1");
    QCOMPARE(a.dedupKey(), b.dedupKey());
    // Two different malformed messages never collapse into one.
    IngestionNotification m1, m2;
    m1.rawText = QStringLiteral("x");
    m2.rawText = QStringLiteral("y");
    QVERIFY(m1.dedupKey() != m2.dedupKey());
}

void TestCoreTypes::errorText()
{
    Error e = Error::make(Error::Kind::NotFound, QStringLiteral("The table specified does not exist."));
    e.httpStatus = 404;
    e.code = QStringLiteral("TableNotFound");
    QCOMPARE(e.toString(), QStringLiteral("HTTP 404 TableNotFound: The table specified does not exist."));
    e.activityId = QStringLiteral("abc");
    QVERIFY(e.toString().endsWith(QLatin1String("(activity abc)")));
    QCOMPARE(Error::parse(QStringLiteral("bad")).toString(), QStringLiteral("parse error: bad"));
    Result<int> r = 5;
    QVERIFY(r.ok());
    QCOMPARE(*r, 5);
    Result<int> f = Error::parse(QStringLiteral("x"));
    QVERIFY(!f);
}

QTEST_APPLESS_MAIN(TestCoreTypes)
#include "TestCoreTypes.moc"
