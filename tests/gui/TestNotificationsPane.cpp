// NotificationsPane offscreen: peek by default with the head-of-queue notice, consume only with an archive
// and after the confirmation naming the shared queues, grouped failures, malformed rows shown.
#include "azure/HttpPipeline.h"
#include "gui/NotificationsPane.h"
#include "gui/TrayNotifier.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QLabel>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace iw;

class TestNotificationsPane : public QObject
{
    Q_OBJECT

    static IngestionNotification failure(const QString &code, const QString &table)
    {
        IngestionNotification n;
        n.kind = IngestionNotification::Kind::Failure;
        n.messageId = QUuid::createUuid().toString();
        n.database = QStringLiteral("db");
        n.table = table;
        n.errorCode = code;
        n.failedOn = QDateTime::currentDateTimeUtc();
        n.failureStatus = FailureStatus::Transient;
        return n;
    }

private Q_SLOTS:
    void peekByDefaultGroupsAndMalformed()
    {
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        NotificationMonitor monitor(&model, &groups, &pipeline, nullptr, nullptr);
        NotificationsPane pane;
        pane.setMonitor(&monitor, &model, &groups);
        pane.show();
        QVERIFY(pane.peekButton()->isChecked());
        QVERIFY(!pane.consumeButton()->isEnabled()); // no archive, no consuming
        QVERIFY(pane.peekNotice()->text().contains(QLatin1String("head of each queue")));
        QVERIFY(pane.peekNotice()->text().contains(QLatin1String("32")));
        QCOMPARE(pane.queuesLabel()->text(), QStringLiteral("No report queues"));

        IngestionNotification bad;
        bad.kind = IngestionNotification::Kind::Malformed;
        bad.messageId = QStringLiteral("m-bad");
        bad.rawText = QStringLiteral("{not json");
        bad.parseError = QStringLiteral("unterminated object");
        const QList<IngestionNotification> all {
            failure(QStringLiteral("Download_SourceNotFound"), QStringLiteral("a")),
            failure(QStringLiteral("Download_SourceNotFound"), QStringLiteral("b")),
            failure(QStringLiteral("Stream_NoDataToIngest"), QStringLiteral("a")), bad
        };
        model.upsert(all);
        groups.addNotifications(all);
        QCOMPARE(pane.messagesView()->model()->rowCount(), 4);
        bool sawRaw = false;
        for (int r = 0; r < pane.messagesView()->model()->rowCount(); ++r)
            sawRaw |= pane.messagesView()
                          ->model()
                          ->index(r, NotificationModel::RawText)
                          .data()
                          .toString()
                          .contains(QLatin1String("{not json"));
        QVERIFY(sawRaw);

        pane.showFailureGroups();
        QCOMPARE(pane.tabs()->currentIndex(), 1);
        QCOMPARE(pane.groupsView()->model()->rowCount(), 2);
        // Sorted by count, descending: Download_SourceNotFound (2) first.
        QCOMPARE(pane.groupsView()->model()->index(0, FailureGroupModel::Group).data().toString(),
                 QStringLiteral("Download_SourceNotFound"));
        groups.setGrouping(FailureGroupModel::Grouping::ByDatabaseTable);
        QCOMPARE(pane.groupsView()->model()->rowCount(), 2);
    }

    void consumeNeedsArchiveAndConfirmation()
    {
        QTemporaryDir dir;
        const auto config
            = ArchiveConfig::sqlite(QStringLiteral("t"), dir.filePath(QStringLiteral("a.sqlite")));
        ArchiveWriter writer(config);
        ArchiveReader reader(config);
        NotificationModel model;
        FailureGroupModel groups;
        HttpPipeline pipeline;
        NotificationMonitor monitor(&model, &groups, &pipeline, &writer, &reader);
        NotificationsPane pane;
        pane.setMonitor(&monitor, &model, &groups);
        QVERIFY(pane.consumeButton()->isEnabled());
        QVERIFY(NotificationsPane::consumeWarning().contains(
            QLatin1String("shared by every client of this cluster")));
        QVERIFY(pane.requestConsume(false));
        QCOMPARE(int(monitor.mode()), int(NotificationMonitor::Mode::Consume));
        QVERIFY(pane.consumeButton()->isChecked());
        QVERIFY(pane.peekNotice()->text().contains(QLatin1String("deleted")));
        pane.peekButton()->click();
        QCOMPARE(int(monitor.mode()), int(NotificationMonitor::Mode::Peek));
    }

    void trayText()
    {
        QCOMPARE(TrayNotifier::title(3), QStringLiteral("3 new ingestion failure(s)"));
        QVERIFY(TrayNotifier::message(3, QStringLiteral("Stream_NoDataToIngest"))
                    .contains(QLatin1String("Stream_NoDataToIngest")));
        TrayNotifier tray(QIcon {});
        tray.notifyFailures(2, QStringLiteral("Timeout")); // offscreen: no tray, still remembered
        QVERIFY(tray.lastMessage().contains(QLatin1String("Timeout")));
    }
};

QTEST_MAIN(TestNotificationsPane)
#include "TestNotificationsPane.moc"
