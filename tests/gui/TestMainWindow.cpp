#include "gui/MainWindow.h"

#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>

using namespace iw;

class TestMainWindow : public QObject
{
    Q_OBJECT

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
        QVERIFY(w.findChild<QToolBar *>());
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
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
