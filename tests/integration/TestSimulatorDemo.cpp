// ingestwatch-sim --demo on a real Azurite, read by a Session as the dashboard does: failures and successes
// reach both report queues and the status table within seconds of the start (not behind the thousands of
// blobs of the demo's big operations), with a mix of a few ErrorCodes for the failures-by-ErrorCode chart.
#include "SimulatorProcess.h"
#include "models/FailureGroupModel.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationBackend.h"
#include "monitor/ProfileStore.h"
#include "monitor/Session.h"
#include "monitor/StatusMonitor.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace iw;
using iw::test::SimulatorProcess;
using Kind = IngestionNotification::Kind;

class TestSimulatorDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failuresAndSuccessesArriveWithinSeconds()
    {
        SimulatorProcess sim;
        QVERIFY2(sim.start({ QStringLiteral("--print-token"), QStringLiteral("--demo") },
                           SimulatorProcess::Storage::Azurite),
                 qPrintable(sim.errorString()));
        QElapsedTimer sinceStart;
        sinceStart.start();
        QTemporaryDir dir;
        Session::Options options;
        options.staticToken = sim.token();
        options.archivePath = dir.filePath(QStringLiteral("archive.sqlite"));
        options.intervalSecs = 0;
        Session session(ProfileStore::localProfile(sim.url()), std::move(options));
        session.setInterval(0);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.statusMonitor()->hasTable(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(session.notificationMonitor()->hasQueues(), 30000);

        // Peek every 1.5 s, as an operator with a short refresh interval would. The target is ~10 s; the
        // bound here is wider because ctest shares a loaded machine.
        auto errorCodes = [&session] {
            QSet<QString> codes;
            const NotificationModel *m = session.notificationModel();
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->notificationAt(r).kind == Kind::Failure)
                    codes.insert(m->notificationAt(r).errorCode);
            return codes;
        };
        auto enough = [&] {
            return session.notificationModel()->count(Kind::Failure) >= 1
                && session.notificationModel()->count(Kind::Success) >= 1
                && session.statusModel()->count(OperationStatus::Failed) >= 1
                && session.statusModel()->count(OperationStatus::Succeeded) >= 1 && errorCodes().size() >= 2;
        };
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && !enough()) {
            QTest::qWait(1500);
            session.refreshAll();
        }
        qInfo("demo: %d failures (%lld ErrorCodes), %d successes, %d Failed and %d Succeeded statuses after "
              "%lld ms",
              session.notificationModel()->count(Kind::Failure), qint64(errorCodes().size()),
              session.notificationModel()->count(Kind::Success),
              session.statusModel()->count(OperationStatus::Failed),
              session.statusModel()->count(OperationStatus::Succeeded), qint64(sinceStart.elapsed()));
        QVERIFY(session.notificationModel()->count(Kind::Failure) >= 1);
        QVERIFY(session.notificationModel()->count(Kind::Success) >= 1);
        QVERIFY(session.statusModel()->count(OperationStatus::Failed) >= 1);
        QVERIFY(session.statusModel()->count(OperationStatus::Succeeded) >= 1);
        QVERIFY(errorCodes().size() >= 2);
        // The grouped view (and the chart fed from it) has one row per ErrorCode.
        session.failureGroupModel()->setGrouping(FailureGroupModel::Grouping::ByErrorCode);
        QVERIFY(session.failureGroupModel()->rowCount() >= 2);
        sim.stop();
    }
};

QTEST_GUILESS_MAIN(TestSimulatorDemo)
#include "TestSimulatorDemo.moc"
