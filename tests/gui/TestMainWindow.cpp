#include "gui/ChartsView.h"
#include "gui/MainWindow.h"
#include "gui/OperationsPane.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"

#include "FakeOperationBackend.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace iw;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Session> makeSession(iw::test::FakeOperationBackend **backend = nullptr)
    {
        Session::Options options;
        options.archivePath = m_dir.filePath(QStringLiteral("archive-%1.sqlite").arg(++m_sessions));
        auto fake = std::make_unique<iw::test::FakeOperationBackend>();
        if (backend)
            *backend = fake.get();
        options.backend = std::move(fake);
        options.intervalSecs = 0;
        return std::make_unique<Session>(ProfileStore::localProfile(), std::move(options));
    }
    int m_sessions = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void opensWithEveryPane()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("IngestWatch"));
        QStringList panes;
        const auto docks = w.findChildren<QDockWidget *>();
        for (const QDockWidget *d : docks)
            panes << d->windowTitle();
        panes.sort();
        QCOMPARE(panes,
                 (QStringList { QStringLiteral("Charts"), QStringLiteral("Notifications"),
                                QStringLiteral("Statuses") }));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("statusesDock")));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("notificationsDock")));
        QVERIFY(w.operationsPane());
        QVERIFY(w.chartsView());
        auto *toolbar = w.findChild<QToolBar *>();
        QVERIFY(toolbar);
        QStringList actions;
        const auto list = toolbar->actions();
        for (const QAction *a : list)
            if (!a->isSeparator() && !a->iconText().isEmpty())
                actions << a->iconText().remove(QLatin1Char('&'));
        QVERIFY(actions.contains(QStringLiteral("Refresh")));
        QVERIFY(actions.contains(QStringLiteral("Track")));
        QVERIFY(actions.contains(QStringLiteral("Submit")));
        QVERIFY(actions.contains(QStringLiteral("Cancel")));
        w.close();
        QVERIFY(!w.isVisible());
    }

    void refreshActionEmitsOnF5()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        int refreshes = 0;
        connect(&w, &MainWindow::refreshRequested, this, [&] { ++refreshes; });
        QTest::keyClick(&w, Qt::Key_F5);
        QCOMPARE(refreshes, 1);
    }

    void intervalHasAFloorAndPersists()
    {
        {
            MainWindow w;
            w.setRefreshInterval(2);
            QCOMPARE(w.refreshInterval(), OperationMonitor::kMinIntervalSecs);
            w.setRefreshInterval(0);
            QCOMPARE(w.refreshInterval(), 0);
            w.setRefreshInterval(30);
            w.show();
            w.close();
        }
        MainWindow again;
        QCOMPARE(again.refreshInterval(), 30);
        QSettings().remove(QStringLiteral("refresh/intervalSecs"));
    }

    void layoutSurvivesRestart()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto *charts = w.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
            QVERIFY(charts);
            charts->hide();
            w.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        auto *charts = again.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
        QVERIFY(charts);
        QVERIFY(!charts->isVisible());
        QSettings().clear();
    }

    void sessionDrivesTheWindow()
    {
        iw::test::FakeOperationBackend *backend = nullptr;
        auto session = makeSession(&backend);
        backend->add(QStringLiteral("1;2;abc"), 20).ingested = 5;
        MainWindow w;
        w.setSession(session.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy loaded(session->operationMonitor(), &OperationMonitor::historyLoaded);
        session->start();
        QVERIFY(loaded.wait());
        QSignalSpy refreshed(session->operationMonitor(), &OperationMonitor::refreshed);
        session->operationMonitor()->track({ QStringLiteral("1;2;abc") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        QCOMPARE(w.operationsPane()->operationsView()->model()->rowCount(), 1);
        auto *sources = w.findChild<QLabel *>(QStringLiteral("sourcesLabel"));
        QTRY_VERIFY(sources->text().contains(QStringLiteral("Operations")));
        auto *requests = w.findChild<QLabel *>(QStringLiteral("requestsLabel"));
        QTRY_VERIFY(!requests->text().endsWith(QStringLiteral(" 0")));

        // F5 refreshes through the session.
        QTRY_VERIFY(!session->operationMonitor()->isRefreshing());
        const int before = int(backend->showCalls.size());
        QTest::keyClick(&w, Qt::Key_F5);
        QVERIFY(refreshed.wait());
        QCOMPARE(int(backend->showCalls.size()), before + 1);

        // Errors reach the status bar.
        backend->failNext = Error::make(Error::Kind::Network, QStringLiteral("connection refused"));
        session->refreshAll();
        QVERIFY(refreshed.wait());
        auto *error = w.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->text().contains(QStringLiteral("connection refused")));

        // The Cancel action follows the selection.
        auto *cancel = w.findChild<QAction *>(QStringLiteral("actionCancel"));
        QVERIFY(cancel);
        QVERIFY(!cancel->isEnabled());
        w.operationsPane()->operationsView()->selectRow(0);
        QTRY_VERIFY(cancel->isEnabled());
        w.close();
    }

    void panesCanBeProvided()
    {
        MainWindow w;
        auto *statuses = new QLabel(QStringLiteral("statuses pane"));
        auto *notifications = new QLabel(QStringLiteral("notifications pane"));
        w.setStatusesPane(statuses);
        w.setNotificationsPane(notifications);
        QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("statusesDock"))->widget(), statuses);
        QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("notificationsDock"))->widget(), notifications);
        w.setSourceRefreshed(QStringLiteral("Statuses"), QDateTime::currentDateTimeUtc(), true);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("sourcesLabel"))
                    ->text()
                    .contains(QStringLiteral("Statuses")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
