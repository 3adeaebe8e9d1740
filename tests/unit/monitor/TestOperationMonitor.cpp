#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"
#include "store/ArchiveConfig.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include "FakeOperationBackend.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace iw;

using FakeBackend = iw::test::FakeOperationBackend;

class TestOperationMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intervalHasAFloorAndOff()
    {
        OperationModel model;
        OperationMonitor m(&model, nullptr, nullptr, nullptr);
        m.setInterval(1);
        QCOMPARE(m.interval(), OperationMonitor::kMinIntervalSecs);
        m.setInterval(0);
        QCOMPARE(m.interval(), 0);
        m.setInterval(-3);
        QCOMPARE(m.interval(), 0);
        m.setInterval(60);
        QCOMPARE(m.interval(), 60);
    }

    void oneShowCommandCoversAllTrackedIds()
    {
        OperationModel model;
        QAbstractItemModelTester tester(&model);
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        for (int i = 0; i < 5; ++i)
            backend.add(QStringLiteral("a;b;%1").arg(i), 10);
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track({ QStringLiteral("a;b;0"), QStringLiteral(" a;b;1 "), QStringLiteral("a;b;0"), QString() },
                TrackSource::Pasted);
        m.track({ QStringLiteral("a;b;2"), QStringLiteral("a;b;3"), QStringLiteral("a;b;4") },
                TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        // The second track() came while the first refresh ran: coalesced into one more refresh.
        QTRY_COMPARE(refreshed.size(), 2);
        QCOMPARE(backend.showCalls.size(), 2);
        QCOMPARE(backend.showCalls.last().size(), 5);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(m.trackedIds().size(), 5);
    }

    void manyIdsAreBatched()
    {
        OperationModel model;
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        m.setBatchSize(400);
        QStringList ids;
        for (int i = 0; i < 1000; ++i) {
            ids << QStringLiteral("x;y;%1").arg(i);
            backend.add(ids.last(), 3);
        }
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track(ids, TrackSource::Imported);
        QVERIFY(refreshed.wait());
        QCOMPARE(backend.showCalls.size(), 3);
        QCOMPARE(backend.showCalls.at(0).size(), 400);
        QCOMPARE(backend.showCalls.at(2).size(), 200);
        QCOMPARE(model.rowCount(), 1000);
    }

    void refreshUpsertsWithoutReset()
    {
        OperationModel model;
        QAbstractItemModelTester tester(&model);
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        backend.add(QStringLiteral("1"), 10);
        backend.add(QStringLiteral("2"), 10);
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track({ QStringLiteral("1"), QStringLiteral("2") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        backend.ops[QStringLiteral("2")].ingested = 4;
        backend.ops[QStringLiteral("2")].pending = 6;
        m.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(resets.size(), 0);
        QVERIFY(!changed.isEmpty());
        bool row2Counts = false;
        for (const auto &args : changed) {
            const QModelIndex tl = args.at(0).toModelIndex(), br = args.at(1).toModelIndex();
            QCOMPARE(tl.row(), br.row()); // per-row ranges
            if (tl.row() == model.rowForId(QStringLiteral("2")))
                row2Counts = row2Counts
                    || (tl.column() <= OperationModel::Ingested && br.column() >= OperationModel::Ingested);
            else // the unchanged operation: at most derived cells (throughput/ETA), never its counts
                QVERIFY(tl.column() > OperationModel::Failed || br.column() < OperationModel::Discovered);
        }
        QVERIFY(row2Counts);
        QCOMPARE(model.operationAt(model.rowForId(QStringLiteral("2"))).ingested, qint64(4));
    }

    void errorsAreSignalledNotThrown()
    {
        OperationModel model;
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        backend.add(QStringLiteral("1"), 10);
        backend.failNext = Error::make(Error::Kind::Throttled, QStringLiteral("HTTP 429"));
        QSignalSpy errors(&m, &OperationMonitor::errorOccurred);
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track({ QStringLiteral("1") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        QCOMPARE(refreshed.first().at(1).toBool(), false);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(int(errors.first().at(0).value<Error>().kind), int(Error::Kind::Throttled));
    }

    void cancelIsSentOncePerOperation()
    {
        OperationModel model;
        FakeBackend backend;
        backend.cancelDelayMs = 50;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        backend.add(QStringLiteral("1"), 10);
        backend.add(QStringLiteral("2"), 10);
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track({ QStringLiteral("1"), QStringLiteral("2") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());

        QSignalSpy ok(&m, &OperationMonitor::cancelSucceeded);
        QCOMPARE(m.cancel({ QStringLiteral("1"), QStringLiteral("1") }), QStringList { QStringLiteral("1") });
        QVERIFY(model.cancelInFlight(QStringLiteral("1")));
        QVERIFY(!m.canCancel(QStringLiteral("1")));
        QCOMPARE(m.cancel({ QStringLiteral("1") }), QStringList()); // second click: nothing sent
        QCOMPARE(backend.cancelCalls.size(), 1);
        QVERIFY(ok.wait());
        const auto op = model.operationAt(model.rowForId(QStringLiteral("1")));
        QCOMPARE(toString(op.state), toString(OperationState::Canceled));
        QCOMPARE(ok.first().at(2).toLongLong(), qint64(2)); // blobs in flight: best effort
        QVERIFY(!model.cancelInFlight(QStringLiteral("1")));
        QVERIFY(!m.canCancel(QStringLiteral("1"))); // terminal now
        QCOMPARE(m.cancel({ QStringLiteral("1") }), QStringList());
        QCOMPARE(backend.cancelCalls.size(), 1);
        QVERIFY(m.canCancel(QStringLiteral("2")));
    }

    // A cancel answered while a refresh's rows wait to be merged does not merge them all in one go (that
    // stalled the GUI for every cancel of a "cancel all"); the older queued row of that id is dropped, so the
    // cancel's row wins.
    void cancelAnswerDoesNotFlushTheMergeQueue()
    {
        OperationModel model;
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        QStringList ids;
        for (int i = 0; i < 500; ++i) {
            ids << QStringLiteral("op-%1").arg(i);
            backend.add(ids.last(), 10);
        }
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        int rowsWhenCancelAnswered = -1;
        connect(&m, &OperationMonitor::cancelSucceeded, this,
                [&](const QString &) { rowsWhenCancelAnswered = model.rowCount(); });
        m.track(ids, TrackSource::Pasted); // the show is answered first, then the cancel
        QCOMPARE(m.cancel({ QStringLiteral("op-7") }), QStringList { QStringLiteral("op-7") });
        QVERIFY(refreshed.wait());
        QVERIFY(rowsWhenCancelAnswered >= 0);
        QVERIFY2(rowsWhenCancelAnswered <= OperationMonitor::kMergeSliceRows + 1,
                 qPrintable(QString::number(rowsWhenCancelAnswered)));
        QCOMPARE(model.rowCount(), 500);
        const QueuedOperation op = model.operationAt(model.rowForId(QStringLiteral("op-7")));
        QCOMPARE(toString(op.state), toString(OperationState::Canceled));
    }

    // "Cancel all" of many operations: every accepted id shows in flight at once, but at most
    // maxCancelsInFlight() requests are on the wire; the rest go out as answers come back, each id once.
    void cancelAllIsPacedAndSendsEachIdOnce()
    {
        OperationModel model;
        FakeBackend backend;
        backend.cancelDelayMs = 30;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        m.setMaxCancelsInFlight(4);
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            ids << QStringLiteral("op-%1").arg(i);
            backend.add(ids.last(), 10);
        }
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track(ids, TrackSource::Pasted);
        QVERIFY(refreshed.wait());

        QSignalSpy ok(&m, &OperationMonitor::cancelSucceeded);
        QCOMPARE(m.cancel(ids + ids), ids);
        QCOMPARE(backend.cancelCalls.size(), 4); // the first four on the wire, 16 waiting
        QCOMPARE(m.cancelsPending(), 20);
        for (const QString &id : ids) {
            QVERIFY(model.cancelInFlight(id));
            QVERIFY(!m.canCancel(id));
        }
        QCOMPARE(m.cancel(ids), QStringList()); // a second "cancel all" while they wait: nothing

        int mostOnWire = 0;
        connect(&m, &OperationMonitor::cancelSucceeded, this,
                [&] { mostOnWire = std::max(mostOnWire, int(backend.cancelCalls.size()) - int(ok.size())); });
        QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 20, 10000);
        QVERIFY2(mostOnWire <= 4, qPrintable(QString::number(mostOnWire)));
        QCOMPARE(m.cancelsPending(), 0);
        QStringList sent = backend.cancelCalls;
        QCOMPARE(sent, ids); // in the order asked, each exactly once
        for (const QString &id : ids) {
            QVERIFY(!model.cancelInFlight(id));
            QCOMPARE(toString(model.operationAt(model.rowForId(id)).state),
                     toString(OperationState::Canceled));
        }
    }

    void cancelFailureClearsInFlight()
    {
        OperationModel model;
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        backend.add(QStringLiteral("1"), 10);
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        m.track({ QStringLiteral("1") }, TrackSource::Pasted);
        QVERIFY(refreshed.wait());
        Error forbidden = Error::make(Error::Kind::Auth, QStringLiteral("Forbidden"));
        forbidden.httpStatus = 403;
        backend.failNext = forbidden;
        QSignalSpy failed(&m, &OperationMonitor::cancelFailed);
        m.cancel({ QStringLiteral("1") });
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).value<Error>().httpStatus, 403);
        QVERIFY(!model.cancelInFlight(QStringLiteral("1")));
        QVERIFY(m.canCancel(QStringLiteral("1")));
    }

    void submitTracksTheNewOperation()
    {
        OperationModel model;
        FakeBackend backend;
        OperationMonitor m(&model, &backend, nullptr, nullptr);
        m.setInterval(0);
        QSignalSpy submitted(&m, &OperationMonitor::submitted);
        QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
        SubmitIngestionRequest req;
        req.database = QStringLiteral("Db");
        req.table = QStringLiteral("T");
        req.blobUrls = QStringList { QStringLiteral("https://a/1.csv"), QStringLiteral("https://a/2.csv") };
        m.submit(req);
        QVERIFY(submitted.wait());
        QVERIFY(m.isTracked(submitted.first().at(0).toString()));
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.operationAt(0).discovered, qint64(2));
    }

    void trackedIdsAndSnapshotsLiveInTheArchive()
    {
        QTemporaryDir dir;
        const ArchiveConfig config
            = ArchiveConfig::sqlite(QStringLiteral("test"), dir.filePath(QStringLiteral("a.sqlite")));
        FakeBackend backend;
        backend.add(QStringLiteral("1;2;3"), 10).ingested = 3;
        {
            OperationModel model;
            ArchiveWriter writer(config);
            ArchiveReader reader(config);
            OperationMonitor m(&model, &backend, &writer, &reader);
            m.setInterval(0);
            QSignalSpy refreshed(&m, &OperationMonitor::refreshed);
            m.track({ QStringLiteral("1;2;3") }, TrackSource::Pasted);
            QVERIFY(refreshed.wait());
            backend.ops[QStringLiteral("1;2;3")].ingested = 5;
            m.refresh();
            QVERIFY(refreshed.wait());
        } // the writer commits what it was given before it goes
        OperationModel model;
        ArchiveWriter writer(config);
        ArchiveReader reader(config);
        OperationMonitor m(&model, nullptr, &writer, &reader);
        QSignalSpy loaded(&m, &OperationMonitor::historyLoaded);
        m.load();
        QVERIFY(loaded.wait());
        QCOMPARE(m.trackedIds(), QStringList { QStringLiteral("1;2;3") });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.operationAt(0).ingested, qint64(5));
        m.untrack(QStringLiteral("1;2;3"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestOperationMonitor)
#include "TestOperationMonitor.moc"
