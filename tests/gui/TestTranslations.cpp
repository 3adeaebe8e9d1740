#include "gui/LanguageMenu.h"
#include "gui/MainWindow.h"
#include "gui/OperationsPane.h"
#include "gui/Translations.h"
#include "models/OperationModel.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"

#include "FakeOperationBackend.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace iw;

// The shipped catalogues (translations/ingestwatch_de.ts, _fr.ts) as the user gets them: compiled into
// the binary, loaded by installTranslations, shown by the real main window.
class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_sessions = 0;

    std::unique_ptr<Session> makeSession()
    {
        Session::Options options;
        options.archivePath = m_dir.filePath(QStringLiteral("archive-%1.sqlite").arg(++m_sessions));
        options.backend = std::make_unique<iw::test::FakeOperationBackend>();
        options.intervalSecs = 0;
        return std::make_unique<Session>(ProfileStore::localProfile(), std::move(options));
    }

    static QString menuTitle(const MainWindow &w, const char *objectName)
    {
        auto *menu = w.findChild<QMenu *>(QLatin1String(objectName));
        return menu ? menu->title() : QStringLiteral("<no %1>").arg(QLatin1String(objectName));
    }

    static QStringList dockTitles(const MainWindow &w)
    {
        QStringList titles;
        const auto docks = w.findChildren<QDockWidget *>();
        for (const QDockWidget *d : docks)
            titles << d->windowTitle();
        titles.sort();
        return titles;
    }

    static QStringList toolbarTexts(const MainWindow &w)
    {
        QStringList texts;
        const auto actions = w.findChild<QToolBar *>()->actions();
        for (const QAction *a : actions)
            if (!a->isSeparator())
                texts << a->iconText();
        return texts;
    }

    static QString columnTitle(const MainWindow &w, int column)
    {
        return w.operationsPane()->operationsView()->model()->headerData(column, Qt::Horizontal).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void cleanup()
    {
        QSettings().clear();
        installTranslations(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    void mainWindowInGerman()
    {
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("de_DE")),
                 QStringLiteral("de"));
        auto session = makeSession();
        MainWindow w;
        w.setSession(session.get());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QCOMPARE(menuTitle(w, "menuFile"), QStringLiteral("&Datei"));
        QCOMPARE(menuTitle(w, "menuOperations"), QStringLiteral("&Vorgänge"));
        QCOMPARE(menuTitle(w, "menuView"), QStringLiteral("&Ansicht"));
        QCOMPARE(menuTitle(w, "menuLanguage"), QStringLiteral("&Sprache"));
        QCOMPARE(dockTitles(w),
                 (QStringList { QStringLiteral("Benachrichtigungen"), QStringLiteral("Diagramme"),
                                QStringLiteral("Status") }));
        const QStringList tools = toolbarTexts(w);
        QVERIFY2(tools.contains(QStringLiteral("Verfolgen")), qPrintable(tools.join(QLatin1Char('|'))));
        QVERIFY2(tools.contains(QStringLiteral("Abbrechen")), qPrintable(tools.join(QLatin1Char('|'))));
        QCOMPARE(w.findChild<QAction *>(QStringLiteral("actionRefresh"))->text(),
                 QStringLiteral("&Aktualisieren"));

        // Our column titles are German; the service's field names stay as the service spells them.
        QCOMPARE(columnTitle(w, OperationModel::Progress), QStringLiteral("Fortschritt"));
        QCOMPARE(columnTitle(w, OperationModel::Throughput), QStringLiteral("Durchsatz"));
        QCOMPARE(columnTitle(w, OperationModel::State), QStringLiteral("State"));
        QCOMPARE(columnTitle(w, OperationModel::IngestionOperationId),
                 QStringLiteral("IngestionOperationId"));

        // Plural forms come out of the catalogue's numerus forms.
        QCOMPARE(QCoreApplication::translate("iw::TrackOperationsDialog", "%n operation id(s)", nullptr, 1),
                 QStringLiteral("1 Vorgangs-ID"));
        QCOMPARE(QCoreApplication::translate("iw::TrackOperationsDialog", "%n operation id(s)", nullptr, 3),
                 QStringLiteral("3 Vorgangs-IDs"));
    }

    void qtOwnStringsFollow()
    {
        const QString qtCatalogue
            = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm");
        if (!QFileInfo::exists(qtCatalogue))
            QSKIP("qt6-translations-l10n is not installed (scripts/setup installs it)");
        installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
        // The standard buttons of Qt's dialogs (QMessageBox, QDialogButtonBox).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }

    void mainWindowInFrench()
    {
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("fr")),
                 QStringLiteral("fr"));
        MainWindow w;
        QCOMPARE(menuTitle(w, "menuFile"), QStringLiteral("&Fichier"));
        QCOMPARE(w.findChild<QDockWidget *>(QStringLiteral("chartsDock"))->windowTitle(),
                 QStringLiteral("Graphiques"));
    }

    void englishRemovesTheCatalogues()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("en")),
                 QStringLiteral("en"));
        MainWindow w;
        QCOMPARE(menuTitle(w, "menuFile"), QStringLiteral("&File"));
        // A language nobody shipped falls back to the source strings.
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("ja_JP")),
                 QStringLiteral("en"));
    }

    void savedChoiceAppliesAtStartAndOverrideWins()
    {
        saveLanguage(QStringLiteral("fr"));
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
        QCOMPARE(effectiveLanguage(), QStringLiteral("fr"));
        QCOMPARE(effectiveLanguage(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(installTranslations(*QCoreApplication::instance()), QStringLiteral("fr"));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Fichier"));
        // System: the key is removed and the system locale decides again.
        saveLanguage(QString());
        QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
        QCOMPARE(savedLanguage(), QString());
    }

    void languageMenuSavesTheChoice()
    {
        MainWindow w;
        auto *menu = w.findChild<LanguageMenu *>(QStringLiteral("menuLanguage"));
        QVERIFY(menu);
        QStringList names;
        const auto actions = menu->actions();
        for (const QAction *a : actions)
            names << a->text();
        QCOMPARE(names,
                 (QStringList { QStringLiteral("System"), QStringLiteral("English"),
                                QStringLiteral("Deutsch"), QStringLiteral("Français") }));
        QVERIFY(actions.at(0)->isChecked()); // nothing saved: System
        actions.at(2)->trigger();
        QCOMPARE(savedLanguage(), QStringLiteral("de"));
        QVERIFY(actions.at(2)->isChecked());
        QVERIFY(!actions.at(0)->isChecked());
        QVERIFY(w.findChild<QWidget *>(QStringLiteral("languageRestartNotice")));
    }
};

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
