// Operations > Export operations to CSV from the main window: the header is the service's field names and
// the cells are raw values, even when the UI speaks German (translated column titles, German number format).
#include "core/CsvReader.h"
#include "gui/ExportDialog.h"
#include "gui/MainWindow.h"
#include "gui/OperationsCsv.h"
#include "gui/OperationsPane.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"

#include "FakeOperationBackend.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace iw;

namespace {

// A German UI without a .qm file: the operations model's column titles in German.
class GermanTitles : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "iw::OperationModel") != 0)
            return {};
        static const QHash<QByteArray, QString> titles {
            { "IngestionOperationId", QStringLiteral("Vorgangs-ID") },
            { "State", QStringLiteral("Zustand") },
            { "Discovered", QStringLiteral("Gefunden") },
            { "Pending", QStringLiteral("Ausstehend") },
            { "Ingested", QStringLiteral("Erfasst") },
            { "Failed", QStringLiteral("Fehlgeschlagen") },
        };
        return titles.value(QByteArray(sourceText));
    }
};

} // namespace

class TestOperationsCsvExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void headerIsTheServiceFieldNamesInAGermanUi()
    {
        GermanTitles german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));

        Session::Options options;
        options.archivePath = m_dir.filePath(QStringLiteral("archive.sqlite"));
        auto fake = std::make_unique<iw::test::FakeOperationBackend>();
        iw::test::FakeOperationBackend *backend = fake.get();
        options.backend = std::move(fake);
        options.intervalSecs = 0;
        Session session(ProfileStore::localProfile(), std::move(options));
        QueuedOperation &op = backend->add(QStringLiteral("1;2;big"), 2400);
        op.ingested = 1200;
        op.failed = 3;
        op.pending = 1197;
        op.sampleFailedReasons = QStringLiteral("=cmd|' /C calc'!A0");

        MainWindow w;
        w.setSession(&session);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy loaded(session.operationMonitor(), &OperationMonitor::historyLoaded);
        session.start();
        QVERIFY(loaded.wait());
        QSignalSpy refreshed(session.operationMonitor(), &OperationMonitor::refreshed);
        session.operationMonitor()->track({ QStringLiteral("1;2;big") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        QCOMPARE(w.operationsPane()->operationsView()->model()->rowCount(), 1);
        // The view speaks German.
        QCOMPARE(session.operationModel()
                     ->headerData(OperationModel::IngestionOperationId, Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Vorgangs-ID"));

        const QString path = m_dir.filePath(QStringLiteral("ops.csv"));
        QTimer::singleShot(0, this, [path] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setPath(path);
            dialog->accept();
        });
        auto *action = w.findChild<QAction *>(QStringLiteral("actionExportOperations"));
        QVERIFY(action);
        action->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 20000);

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto rows = CsvReader::parse(f.readAll());
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        const QStringList expected { QStringLiteral("IngestionOperationId"),
                                     QStringLiteral("State"),
                                     QStringLiteral("Discovered"),
                                     QStringLiteral("Pending"),
                                     QStringLiteral("Canceled"),
                                     QStringLiteral("Ingested"),
                                     QStringLiteral("Failed"),
                                     QStringLiteral("StartedOn"),
                                     QStringLiteral("LastUpdatedOn"),
                                     QStringLiteral("SampleFailedReasons"),
                                     QStringLiteral("Database"),
                                     QStringLiteral("Table"),
                                     QStringLiteral("ThroughputBlobsPerMinute"),
                                     QStringLiteral("EtaSeconds") };
        QCOMPARE(rows->at(0), expected);
        const QStringList &row = rows->at(1);
        QCOMPARE(row.size(), expected.size());
        QCOMPARE(row.at(0), QStringLiteral("1;2;big"));
        QCOMPARE(row.at(1), QStringLiteral("InProgress"));
        QCOMPARE(row.at(2), QStringLiteral("2400")); // not "2.400"
        QCOMPARE(row.at(3), QStringLiteral("1197"));
        QCOMPARE(row.at(5), QStringLiteral("1200"));
        QCOMPARE(row.at(6), QStringLiteral("3"));
        QVERIFY(row.at(7).endsWith(QLatin1Char('Z'))); // ISO 8601 UTC
        QVERIFY(row.at(9).startsWith(QLatin1Char('\''))); // formula neutralised
        QCOMPARE(row.at(10), QStringLiteral("Db"));

        QLocale::setDefault(QLocale::c());
        QCoreApplication::removeTranslator(&german);
        w.close();
    }
};

QTEST_MAIN(TestOperationsCsvExport)
#include "TestOperationsCsvExport.moc"
