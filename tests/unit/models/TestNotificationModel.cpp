#include "models/NotificationModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using iw::FailureStatus;
using iw::IngestionNotification;
using iw::NotificationModel;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

IngestionNotification failure(int n)
{
    IngestionNotification f;
    f.kind = IngestionNotification::Kind::Failure;
    f.queueName = QStringLiteral("failedingestionsqueue");
    f.messageId = QStringLiteral("msg-%1").arg(n);
    f.insertionTime = kT0;
    f.dequeueCount = 0;
    f.operationId = QStringLiteral("3827def6-0773-4f2a-859e-c02cf395deaf");
    f.database = QStringLiteral("db1");
    f.table = QStringLiteral("table1");
    f.failedOn = kT0.addSecs(n);
    f.ingestionSourceId = QStringLiteral("e02acf47-dcc5-4733-8bad-c2db3fc61ea3");
    f.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/b.csv.gz?sig=TOPSECRET");
    f.rootActivityId = QStringLiteral("3c883942-e446-4999-9b00-d4c664f06ef6");
    f.details = QStringLiteral("Stream with ID '*****.csv' has a malformed CSV format");
    f.errorCode = QStringLiteral("Stream_ClosingQuoteMissing");
    f.failureStatus = FailureStatus::Permanent;
    f.originatesFromUpdatePolicy = false;
    f.shouldRetry = false;
    f.rawText = QStringLiteral("eyJ...");
    return f;
}

} // namespace

class TestNotificationModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFieldAndMalformed()
    {
        NotificationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        IngestionNotification bad;
        bad.kind = IngestionNotification::Kind::Malformed;
        bad.messageId = QStringLiteral("msg-bad");
        bad.rawText = QStringLiteral("not json at all");
        bad.parseError = QStringLiteral("illegal value at offset 0");
        IngestionNotification ok;
        ok.kind = IngestionNotification::Kind::Success;
        ok.messageId = QStringLiteral("msg-ok");
        ok.succeededOn = kT0;
        ok.database = QStringLiteral("db1");
        QCOMPARE(m.upsert({ failure(1), bad, ok }), 3);
        QCOMPARE(m.count(IngestionNotification::Kind::Malformed), 1);
        QCOMPARE(m.index(0, NotificationModel::ErrorCode).data().toString(),
                 QStringLiteral("Stream_ClosingQuoteMissing"));
        QCOMPARE(m.index(0, NotificationModel::FailureStatus).data().toString(), QStringLiteral("Permanent"));
        QCOMPARE(m.index(0, NotificationModel::ShouldRetry).data().toString(), QStringLiteral("No"));
        QCOMPARE(m.index(0, NotificationModel::RootActivityId).data().toString(), failure(1).rootActivityId);
        QCOMPARE(m.index(0, NotificationModel::When).data(NotificationModel::RawValueRole).toDateTime(),
                 kT0.addSecs(1));
        QVERIFY(!m.index(0, NotificationModel::IngestionSourcePath)
                     .data()
                     .toString()
                     .contains(QStringLiteral("TOPSECRET")));
        QVERIFY(m.index(0, NotificationModel::ErrorCode)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("BadFormat")));
        QCOMPARE(m.index(1, NotificationModel::Kind).data().toString(), QStringLiteral("Malformed"));
        QCOMPARE(m.index(1, NotificationModel::RawText).data().toString(), QStringLiteral("not json at all"));
        QCOMPARE(m.index(1, NotificationModel::Details).data().toString(), bad.parseError);
        QVERIFY(m.index(1, NotificationModel::Kind)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("not json")));
        QCOMPARE(m.index(2, NotificationModel::When).data(NotificationModel::RawValueRole).toDateTime(), kT0);
        QCOMPARE(m.index(2, NotificationModel::FailureStatus).data().toString(), QString());
        QCOMPARE(m.index(0, 0).data(NotificationModel::NotificationRole).value<IngestionNotification>(),
                 failure(1));
        QCOMPARE(m.headerData(NotificationModel::OriginatesFromUpdatePolicy, Qt::Horizontal).toString(),
                 QStringLiteral("OriginatesFromUpdatePolicy"));
    }

    void upsertByDedupKey()
    {
        NotificationModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.upsert({ failure(1), failure(2) });
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        IngestionNotification again = failure(2);
        again.dequeueCount = 3; // the same message, peeked again
        QCOMPARE(m.upsert({ failure(1), again, failure(3), failure(3) }), 1);
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m.index(1, NotificationModel::DequeueCount));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m.index(1, NotificationModel::DequeueCount));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m.rowForKey(failure(3).dedupKey()), 2);
        QVERIFY(m.remove(failure(1).dedupKey()));
        QCOMPARE(m.rowForKey(failure(3).dedupKey()), 1);
        QCOMPARE(m.count(IngestionNotification::Kind::Failure), 2);
    }
};

QTEST_GUILESS_MAIN(TestNotificationModel)
#include "TestNotificationModel.moc"
