// The whole operator flow against real Azurite + ingestwatch-sim: submit and track an operation, see its
// counts move, click Cancel, accept the dialog, see State Canceled with the simulator's counts; a second
// click while the cancel is in flight sends nothing.

#include "azure/HttpPipeline.h"
#include "gui/CancelConfirmDialog.h"
#include "gui/MainWindow.h"
#include "gui/OperationsPane.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"

#include "SimulatorProcess.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace iw;

class TestCancelFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void trackProgressCancel()
    {
        iw::test::SimulatorProcess sim;
        // Slow enough that the operation is still running when we cancel; one blob in flight at a time.
        if (!sim.start({ QStringLiteral("--print-token"), QStringLiteral("--rate"), QStringLiteral("4"),
                         QStringLiteral("--processing-ms"), QStringLiteral("1500"),
                         QStringLiteral("--failure-rate"), QStringLiteral("0.1"),
                         QStringLiteral("--latency-ms"), QStringLiteral("300") },
                       iw::test::SimulatorProcess::Storage::Azurite))
            QFAIL(qPrintable(sim.errorString()));

        QTemporaryDir dir;
        Session::Options options;
        options.archivePath = dir.filePath(QStringLiteral("archive.sqlite"));
        options.staticToken = sim.token();
        options.intervalSecs = 0;
        Session session(ProfileStore::localProfile(sim.url()), std::move(options));
        QVERIFY(session.operationBackend());
        MainWindow window;
        window.setSession(&session);
        window.setRefreshInterval(0);
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        OperationMonitor *monitor = session.operationMonitor();
        OperationModel *model = session.operationModel();

        // Submit a tracked ingestion of 200 blobs: it is tracked automatically.
        SubmitIngestionRequest request;
        request.database = QStringLiteral("Telemetry");
        request.table = QStringLiteral("RawEvents");
        for (int i = 0; i < 200; ++i)
            request.blobUrls
                << QStringLiteral("https://demo.blob.core.windows.net/landing/part-%1.csv?sig=x").arg(i);
        QSignalSpy submitted(monitor, &OperationMonitor::submitted);
        monitor->submit(request);
        QVERIFY(submitted.wait(20000));
        const QString id = submitted.first().at(0).toString();
        QVERIFY(monitor->isTracked(id));

        // Counts move.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowForId(id) >= 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                monitor->refresh();
                return model->operationAt(model->rowForId(id)).done() > 0;
            }(),
            20000);
        const QueuedOperation before = model->operationAt(model->rowForId(id));
        QCOMPARE(toString(before.state), toString(OperationState::InProgress));
        QCOMPARE(before.discovered, qint64(200));

        // Select the row and click Cancel; accept the dialog.
        OperationsPane *pane = window.operationsPane();
        QTRY_VERIFY(!monitor->isRefreshing());
        pane->operationsView()->selectRow(0);
        auto *cancel = window.findChild<QAction *>(QStringLiteral("actionCancel"));
        QTRY_VERIFY(cancel->isEnabled());
        QString summary;
        QTimer::singleShot(0, this, [&summary] {
            auto *dialog = qobject_cast<CancelConfirmDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            summary = dialog->summaryText();
            QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        });
        QSignalSpy done(monitor, &OperationMonitor::cancelSucceeded);
        cancel->trigger();
        QVERIFY(summary.contains(id));
        QVERIFY(summary.contains(QStringLiteral("Telemetry.RawEvents")));
        QVERIFY(model->cancelInFlight(id));
        QVERIFY(!cancel->isEnabled());

        // A second click while in flight sends nothing (and shows no dialog).
        const quint64 requests = session.pipeline()->requestsSent();
        cancel->trigger();
        QCOMPARE(pane->cancelWithConfirmation({ id }), QStringList());
        QCOMPARE(session.pipeline()->requestsSent(), requests);

        QVERIFY(done.wait(20000));
        const QueuedOperation after = model->operationAt(model->rowForId(id));
        QCOMPARE(toString(after.state), toString(OperationState::Canceled));
        QVERIFY(after.canceled > 0);
        QCOMPARE(after.discovered, qint64(200));
        QCOMPARE(after.ingested + after.failed + after.canceled + after.pending, after.discovered);
        QVERIFY(!model->cancelInFlight(id));
        QVERIFY(pane->noticeLabel()->text().contains(QStringLiteral("Cancel of")));

        // Keeps watching: a later refresh still answers with the simulator's (final) counts.
        QSignalSpy refreshed(monitor, &OperationMonitor::refreshed);
        monitor->refresh();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(refreshed.last().at(1).toBool());
        const QueuedOperation later = model->operationAt(model->rowForId(id));
        QCOMPARE(toString(later.state), toString(OperationState::Canceled));
        QVERIFY(later.canceled >= after.canceled);
        window.close();
    }
};

QTEST_MAIN(TestCancelFlow)
#include "TestCancelFlow.moc"
