// The main window's way to the connections: File > Connections… opens the dialog on the shown profile, the
// toolbar's profile switcher lists the saved profiles, and picking one makes it the active profile and
// asks (profileActivated) for a new Session.
#include "gui/ConnectionDialog.h"
#include "gui/ConnectionsController.h"
#include "gui/MainWindow.h"
#include "monitor/ProfileStore.h"
#include "monitor/SecretStore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;

class TestConnectionsController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void actionSwitcherAndDialog()
    {
        ProfileStore profiles(
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("p.conf")), QSettings::IniFormat));
        ConnectionProfile prod;
        prod.name = QStringLiteral("prod");
        prod.clusterUrl = QUrl(QStringLiteral("https://prod.westeurope.kusto.windows.net"));
        profiles.save(prod);
        MemorySecretStore secrets;

        MainWindow w;
        ConnectionsController *c = w.connections();
        QVERIFY(c);
        c->setStores(&profiles, &secrets);
        w.show();

        // In the File menu, first.
        QMenu *file = nullptr;
        for (QMenu *m : w.findChildren<QMenu *>())
            if (m->objectName() == QLatin1String("menuFile"))
                file = m;
        QVERIFY(file);
        QCOMPARE(file->actions().first(), c->connectionsAction());

        // The switcher lists the saved profiles and the local one.
        QComboBox *switcher = c->profileSwitcher();
        QVERIFY(switcher);
        QVERIFY(switcher->findText(QStringLiteral("prod")) >= 0);
        QVERIFY(switcher->findText(ProfileStore::localProfileName()) >= 0);
        // A profile saved elsewhere shows up.
        ConnectionProfile test = prod;
        test.name = QStringLiteral("test");
        profiles.save(test);
        QVERIFY(switcher->findText(QStringLiteral("test")) >= 0);

        // Picking one: active profile + a request for a new Session.
        QSignalSpy activated(c, &ConnectionsController::profileActivated);
        switcher->setCurrentIndex(switcher->findText(QStringLiteral("prod")));
        Q_EMIT switcher->textActivated(QStringLiteral("prod"));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("prod"));
        QCOMPARE(profiles.activeProfileName(), QStringLiteral("prod"));

        // The action opens the dialog.
        c->connectionsAction()->trigger();
        ConnectionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<ConnectionDialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->selectedProfileName(), QStringLiteral("prod"));
        dialog->close();
    }
};

QTEST_MAIN(TestConnectionsController)
#include "TestConnectionsController.moc"
