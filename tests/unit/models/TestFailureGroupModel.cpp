#include "models/FailureGroupModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using iw::FailureGroupModel;
using iw::FailureStatus;
using iw::IngestionNotification;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

IngestionNotification failure(int n, const QString &code, FailureStatus fs,
                              const QString &table = QStringLiteral("T1"))
{
    IngestionNotification f;
    f.kind = IngestionNotification::Kind::Failure;
    f.messageId = QStringLiteral("msg-%1").arg(n);
    f.database = QStringLiteral("Db");
    f.table = table;
    f.failedOn = kT0.addSecs(n);
    f.errorCode = code;
    f.failureStatus = fs;
    f.details = QStringLiteral("details %1").arg(n);
    return f;
}

} // namespace

class TestFailureGroupModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thousandFailuresThreeCauses()
    {
        FailureGroupModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<IngestionNotification> l;
        for (int i = 0; i < 1000; ++i) {
            if (i % 10 == 0)
                l.append(failure(i, QStringLiteral("Download_SourceNotFound"), FailureStatus::Permanent,
                                 QStringLiteral("T2")));
            else if (i % 10 == 1)
                l.append(failure(i, QStringLiteral("General_ThrottledIngestion"),
                                 i % 20 == 1 ? FailureStatus::Transient : FailureStatus::Permanent));
            else
                l.append(failure(i, QStringLiteral("Stream_ClosingQuoteMissing"), FailureStatus::Permanent));
        }
        IngestionNotification success;
        success.kind = IngestionNotification::Kind::Success;
        l.append(success);
        QCOMPARE(m.addNotifications(l), 1000);
        QCOMPARE(m.rowCount(), 3);
        const int quote = m.rowForGroup(QStringLiteral("Stream_ClosingQuoteMissing"));
        const int throttled = m.rowForGroup(QStringLiteral("General_ThrottledIngestion"));
        const int missing = m.rowForGroup(QStringLiteral("Download_SourceNotFound"));
        QCOMPARE(m.index(quote, FailureGroupModel::Count).data().toInt(), 800);
        QCOMPARE(m.index(quote, FailureGroupModel::RetryCanHelp).data(FailureGroupModel::RetryRole).toInt(),
                 int(FailureGroupModel::Retry::No));
        QCOMPARE(
            m.index(throttled, FailureGroupModel::RetryCanHelp).data(FailureGroupModel::RetryRole).toInt(),
            int(FailureGroupModel::Retry::Mixed));
        QCOMPARE(m.index(throttled, FailureGroupModel::RetryCanHelp).data().toString(),
                 QStringLiteral("Mixed (50 of 100)"));
        QCOMPARE(
            m.index(missing, FailureGroupModel::FirstSeen).data(FailureGroupModel::RawValueRole).toDateTime(),
            kT0);
        QCOMPARE(
            m.index(missing, FailureGroupModel::LastSeen).data(FailureGroupModel::RawValueRole).toDateTime(),
            kT0.addSecs(990));
        QCOMPARE(m.index(missing, FailureGroupModel::SampleDetails).data().toString(),
                 QStringLiteral("details 990"));
        QCOMPARE(m.index(missing, FailureGroupModel::Category).data().toString(),
                 QStringLiteral("DownloadFailed"));

        // Incremental: a known group grows, a new one is appended; the same message twice counts once.
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        IngestionNotification retry = failure(2000, QStringLiteral("Timeout"), FailureStatus::Unknown);
        retry.shouldRetry = true;
        QCOMPARE(m.addNotifications({ l.at(0),
                                      failure(1500, QStringLiteral("Download_SourceNotFound"),
                                              FailureStatus::Transient, QStringLiteral("T2")),
                                      retry }),
                 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(m.index(3, FailureGroupModel::RetryCanHelp).data(FailureGroupModel::RetryRole).toInt(),
                 int(FailureGroupModel::Retry::Yes));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m.index(missing, FailureGroupModel::Count));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
                 m.index(missing, FailureGroupModel::SampleDetails));
        QCOMPARE(m.index(missing, FailureGroupModel::Count).data().toInt(), 101);
        QCOMPARE(m.totalFailures(), 1002);
    }

    void byDatabaseTable()
    {
        FailureGroupModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.addNotifications(
            { failure(1, QStringLiteral("Timeout"), FailureStatus::Transient),
              failure(2, QStringLiteral("Stream_ClosingQuoteMissing"), FailureStatus::Permanent),
              failure(3, QStringLiteral("Timeout"), FailureStatus::Transient, QStringLiteral("T2")) });
        QCOMPARE(m.rowCount(), 2);
        m.setGrouping(FailureGroupModel::Grouping::ByDatabaseTable);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.headerData(FailureGroupModel::Group, Qt::Horizontal).toString(),
                 QStringLiteral("Database.Table"));
        QCOMPARE(m.index(0, FailureGroupModel::Group).data().toString(), QStringLiteral("Db.T1"));
        QCOMPARE(m.index(0, FailureGroupModel::Count).data().toInt(), 2);
        QCOMPARE(m.index(0, FailureGroupModel::Category).data().toString(),
                 QStringLiteral("Stream_ClosingQuoteMissing, Timeout"));
        QCOMPARE(m.index(0, FailureGroupModel::RetryCanHelp).data(FailureGroupModel::RetryRole).toInt(),
                 int(FailureGroupModel::Retry::Mixed));
        QCOMPARE(m.index(1, FailureGroupModel::RetryCanHelp).data(FailureGroupModel::RetryRole).toInt(),
                 int(FailureGroupModel::Retry::Yes));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFailureGroupModel)
#include "TestFailureGroupModel.moc"
