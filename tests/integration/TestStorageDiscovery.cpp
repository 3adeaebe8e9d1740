// The Session against ingestwatch-sim --demo on a real Azurite: `.get ingestion resources` names the status
// table and the report queues, the monitors find and read them, statuses arrive, and later status
// refreshes are incremental (one request each, no point reads).
#include "SimulatorProcess.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationBackend.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"
#include "monitor/StatusMonitor.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using iw::test::SimulatorProcess;

class TestStorageDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discoverAndFollow()
    {
        SimulatorProcess sim;
        QVERIFY2(sim.start({ QStringLiteral("--print-token"), QStringLiteral("--demo") },
                           SimulatorProcess::Storage::Azurite),
                 qPrintable(sim.errorString()));
        QTemporaryDir dir;
        Session::Options options;
        options.staticToken = sim.token();
        options.archivePath = dir.filePath(QStringLiteral("archive.sqlite"));
        options.intervalSecs = 0;
        Session session(ProfileStore::localProfile(sim.url()), std::move(options));
        session.setInterval(0);
        QStringList errors;
        connect(&session, &Session::errorOccurred, this,
                [&errors](const QString &source, const Error &e, const QString &context) {
                    errors << source + QStringLiteral(": ") + context + QStringLiteral(": ") + e.toString();
                });
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.statusMonitor()->hasTable(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(session.notificationMonitor()->hasQueues(), 30000);
        QVERIFY(session.notificationMonitor()->queues().size() >= 2);

        // The demo streams SDK-style ingestions that report to the table and both queues.
        QDeadlineTimer deadline(40000);
        while (!deadline.hasExpired()
               && (session.statusModel()->rowCount() == 0
                   || session.statusMonitor()->knowledge() != StatusMonitor::Knowledge::Complete)) {
            QTest::qWait(1500);
            session.refreshAll();
        }
        QVERIFY(session.statusModel()->rowCount() > 0);
        // The report queues were read (peek + approximate count each); the demo's ingestions may all still
        // be Pending, so the queues may be empty.
        for (const auto &q : session.notificationMonitor()->queues()) {
            QVERIFY2(q.lastRefreshed.isValid(), qPrintable(q.name));
            QVERIFY2(q.lastError.isEmpty(), qPrintable(q.lastError));
            QVERIFY(q.approximateCount >= 0);
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(int(session.statusMonitor()->knowledge()), int(StatusMonitor::Knowledge::Complete));

        QSignalSpy refreshed(session.statusMonitor(), &StatusMonitor::refreshed);
        session.statusMonitor()->refresh();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.last().at(1).toBool());
        // Incremental: one page for the rows changed since the watermark, however many rows are known.
        QCOMPARE(session.statusMonitor()->lastRequests(), 1);
        QVERIFY(session.statusMonitor()->lastFilter().startsWith(QLatin1String("Timestamp ge")));
        sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestStorageDiscovery)
#include "TestStorageDiscovery.moc"
