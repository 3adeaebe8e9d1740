#include "gui/CancelConfirmDialog.h"
#include "gui/OperationsPane.h"
#include "gui/ProgressBarDelegate.h"
#include "gui/TrackOperationsDialog.h"
#include "models/OperationFilterProxy.h"
#include "models/OperationModel.h"
#include "monitor/OperationMonitor.h"

#include "FakeOperationBackend.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace iw;
using iw::test::FakeOperationBackend;

class TestOperationsPane : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        OperationModel model;
        FakeOperationBackend backend;
        OperationMonitor monitor { &model, &backend, nullptr, nullptr };
        OperationsPane pane;

        Fixture()
        {
            monitor.setInterval(0);
            pane.setMonitor(&monitor);
            pane.resize(1200, 700);
        }
        bool track(const QStringList &ids)
        {
            QSignalSpy refreshed(&monitor, &OperationMonitor::refreshed);
            monitor.track(ids, TrackSource::Pasted);
            return refreshed.wait();
        }
        void select(const QStringList &ids)
        {
            pane.operationsView()->clearSelection();
            for (const QString &id : ids) {
                const QModelIndex src = model.index(model.rowForId(id), 0);
                const QModelIndex idx = pane.proxy()->mapFromSource(src);
                pane.operationsView()->selectionModel()->select(
                    idx, QItemSelectionModel::Select | QItemSelectionModel::Rows);
                pane.operationsView()->selectionModel()->setCurrentIndex(idx, QItemSelectionModel::NoUpdate);
            }
        }
    };

    // Answers the next modal CancelConfirmDialog: accept or reject. Records what it said.
    void answerConfirm(bool accept, QString *summary = nullptr)
    {
        QTimer::singleShot(0, this, [accept, summary] {
            auto *dialog = qobject_cast<CancelConfirmDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            if (summary)
                *summary = dialog->summaryText();
            if (accept)
                QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
            else
                dialog->reject();
        });
    }

private Q_SLOTS:
    void progressFractions()
    {
        QueuedOperation op;
        op.discovered = 10;
        op.ingested = 5;
        op.failed = 2;
        op.canceled = 1;
        op.pending = 2;
        const auto f = ProgressBarDelegate::fractions(op);
        QCOMPARE(f[0], 0.5);
        QCOMPARE(f[1], 0.2);
        QCOMPARE(f[2], 0.1);
        QVERIFY(qAbs(f[3] - 0.2) < 1e-9);
        QCOMPARE(ProgressBarDelegate::percentText(op), QStringLiteral("80 %"));
        op.ingested = 7;
        op.pending = 0;
        op.discovered = 9; // counts above Discovered are clamped
        const auto g = ProgressBarDelegate::fractions(op);
        QVERIFY(g[0] + g[1] + g[2] + g[3] <= 1.0 + 1e-9);
        op.discovered = 0;
        QCOMPARE(ProgressBarDelegate::fractions(op)[0], 0.0);
        QueuedOperation almost;
        almost.discovered = 1000;
        almost.ingested = 999;
        QCOMPARE(ProgressBarDelegate::percentText(almost), QStringLiteral("99 %"));
    }

    void delegatePaintsWithoutCrash()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;a"), 10).ingested = 4;
        QVERIFY(f.track({ QStringLiteral("1;1;a") }));
        f.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.pane));
        const QImage img = f.pane.grab().toImage();
        QVERIFY(!img.isNull());
    }

    void parseIds()
    {
        const QString text
            = QStringLiteral("IngestionOperationId\n1;2;aaaa, 3;4;bbbb\n'5;6;cccc'\n"
                             ".show queued ingestion operations (\"7;8;dddd\", \"1;2;aaaa\")\n");
        QCOMPARE(TrackOperationsDialog::parseIds(text),
                 (QStringList { QStringLiteral("1;2;aaaa"), QStringLiteral("3;4;bbbb"),
                                QStringLiteral("5;6;cccc"), QStringLiteral("7;8;dddd") }));
    }

    void filtersByStateAndText()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;run"), 10);
        f.backend.add(QStringLiteral("1;1;done"), 10).state = OperationState::Completed;
        f.backend.ops[QStringLiteral("1;1;done")].ingested = 10;
        f.backend.ops[QStringLiteral("1;1;done")].pending = 0;
        QVERIFY(f.track({ QStringLiteral("1;1;run"), QStringLiteral("1;1;done") }));
        QCOMPARE(f.pane.proxy()->rowCount(), 2);
        auto *state = f.pane.findChild<QComboBox *>(QStringLiteral("stateFilter"));
        state->setCurrentIndex(state->findData(int(OperationState::Completed)));
        QCOMPARE(f.pane.proxy()->rowCount(), 1);
        state->setCurrentIndex(0);
        auto *text = f.pane.findChild<QLineEdit *>(QStringLiteral("textFilter"));
        QTest::keyClicks(text, QStringLiteral("RUN"));
        QCOMPARE(f.pane.proxy()->rowCount(), 1);
    }

    void detailsAreRedacted()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        QVERIFY(f.track({ QStringLiteral("1;1;a") }));
        f.select({ QStringLiteral("1;1;a") });
        QTRY_COMPARE(f.pane.detailsView()->model()->rowCount(), 1);
        const QString url = f.pane.detailsView()->model()->index(0, 0).data().toString();
        QVERIFY(url.startsWith(QStringLiteral("https://a.blob.core.windows.net/c/1.csv")));
        QVERIFY(!url.contains(QStringLiteral("secret")));
    }

    // The details of the selected operation are read when the selection changes, and on a refresh only when
    // the operation's counts or State moved since.
    void detailsAreReadAgainOnlyWhenTheOperationMoved()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        f.backend.add(QStringLiteral("1;1;b"), 10);
        QVERIFY(f.track({ QStringLiteral("1;1;a"), QStringLiteral("1;1;b") }));
        QVERIFY(f.pane.selectOperation(QStringLiteral("1;1;a")));
        QTRY_COMPARE(f.pane.detailsView()->model()->rowCount(), 1);
        QCOMPARE(f.backend.detailsCalls, QStringList { QStringLiteral("1;1;a") });

        QSignalSpy refreshed(&f.monitor, &OperationMonitor::refreshed);
        for (int i = 0; i < 3; ++i) {
            f.monitor.refresh();
            QVERIFY(refreshed.wait());
        }
        QTest::qWait(20);
        QCOMPARE(f.backend.detailsCalls.size(), 1); // nothing moved: no new read

        // Another operation moves: still nothing for the selected one.
        f.backend.ops[QStringLiteral("1;1;b")].ingested = 4;
        f.backend.ops[QStringLiteral("1;1;b")].pending = 6;
        f.monitor.refresh();
        QVERIFY(refreshed.wait());
        QTest::qWait(20);
        QCOMPARE(f.backend.detailsCalls.size(), 1);

        // The selected one moves: one read.
        f.backend.ops[QStringLiteral("1;1;a")].ingested = 2;
        f.backend.ops[QStringLiteral("1;1;a")].pending = 8;
        f.monitor.refresh();
        QVERIFY(refreshed.wait());
        QTRY_COMPARE(f.backend.detailsCalls.size(), 2);
        f.monitor.refresh();
        QVERIFY(refreshed.wait());
        QTest::qWait(20);
        QCOMPARE(f.backend.detailsCalls.size(), 2);

        // Selecting another operation reads its details at once.
        QVERIFY(f.pane.selectOperation(QStringLiteral("1;1;b")));
        QTRY_COMPARE(f.backend.detailsCalls.size(), 3);
        QCOMPARE(f.backend.detailsCalls.last(), QStringLiteral("1;1;b"));
    }

    void cancelAfterConfirmationOnce()
    {
        Fixture f;
        f.backend.cancelDelayMs = 200;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        QVERIFY(f.track({ QStringLiteral("1;1;a") }));
        f.select({ QStringLiteral("1;1;a") });
        QVERIFY(f.pane.canCancelSelection());

        QString summary;
        answerConfirm(true, &summary);
        QSignalSpy availability(&f.pane, &OperationsPane::cancelAvailabilityChanged);
        QCOMPARE(f.pane.cancelWithConfirmation(f.pane.selectedIds()),
                 QStringList { QStringLiteral("1;1;a") });
        QVERIFY(summary.contains(QStringLiteral("1;1;a")));
        QVERIFY(summary.contains(QStringLiteral("Db.T")));
        QVERIFY(summary.contains(QStringLiteral("10")));
        QVERIFY(f.model.cancelInFlight(QStringLiteral("1;1;a")));
        QVERIFY(!f.pane.canCancelSelection());
        QVERIFY(!availability.isEmpty());
        QCOMPARE(availability.last().at(0).toBool(), false);
        const QModelIndex state = f.pane.proxy()->mapFromSource(f.model.index(0, OperationModel::State));
        QCOMPARE(state.data(OperationModel::CancelInFlightRole).toBool(), true);

        // A second click while in flight: no dialog, nothing sent.
        QCOMPARE(f.pane.cancelWithConfirmation(f.pane.selectedIds()), QStringList());
        QCOMPARE(f.backend.cancelCalls.size(), 1);

        QTRY_COMPARE(toString(f.model.operationAt(0).state), toString(OperationState::Canceled));
        QVERIFY(!f.model.cancelInFlight(QStringLiteral("1;1;a")));
        QTRY_VERIFY(f.pane.noticeLabel()->text().contains(QStringLiteral("in flight")));
        QCOMPARE(f.backend.cancelCalls.size(), 1);
    }

    void rowButtonCancelsWithConfirmation()
    {
        Fixture f;
        f.backend.cancelDelayMs = 100;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        QVERIFY(f.track({ QStringLiteral("1;1;a") }));
        f.pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.pane));
        QTableView *view = f.pane.operationsView();
        const QModelIndex state = f.pane.proxy()->index(0, OperationModel::State);
        const QRect cell = view->visualRect(state);
        const QPoint button(cell.right() - 10, cell.center().y());
        QString summary;
        answerConfirm(true, &summary);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
        QVERIFY(summary.contains(QStringLiteral("1;1;a")));
        QCOMPARE(f.backend.cancelCalls.size(), 1);
        // The button is gone while the cancel is in flight: a second click sends nothing.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
        QCOMPARE(f.backend.cancelCalls.size(), 1);
        QTRY_COMPARE(toString(f.model.operationAt(0).state), toString(OperationState::Canceled));
    }

    void rejectingSendsNothing()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        QVERIFY(f.track({ QStringLiteral("1;1;a") }));
        f.select({ QStringLiteral("1;1;a") });
        answerConfirm(false);
        QCOMPARE(f.pane.cancelWithConfirmation(f.pane.selectedIds()), QStringList());
        QVERIFY(f.backend.cancelCalls.isEmpty());
        QVERIFY(!f.model.cancelInFlight(QStringLiteral("1;1;a")));
    }

    void severalOperationsOneConfirmation()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        f.backend.add(QStringLiteral("1;1;b"), 5);
        f.backend.add(QStringLiteral("1;1;c"), 5).state = OperationState::Completed;
        QVERIFY(f.track({ QStringLiteral("1;1;a"), QStringLiteral("1;1;b"), QStringLiteral("1;1;c") }));
        f.select({ QStringLiteral("1;1;a"), QStringLiteral("1;1;b"), QStringLiteral("1;1;c") });
        QString summary;
        answerConfirm(true, &summary);
        QStringList sent = f.pane.cancelWithConfirmation(f.pane.selectedIds());
        sent.sort();
        QCOMPARE(sent, (QStringList { QStringLiteral("1;1;a"), QStringLiteral("1;1;b") }));
        QVERIFY(summary.contains(QStringLiteral("2 operation")));
        QVERIFY(summary.contains(QStringLiteral("15")));
        QTRY_COMPARE(f.backend.cancelCalls.size(), 2);
    }

    // "Cancel all": the answers come in over time (at most 2 on the wire here); the pane's notice sums
    // them over the whole batch, says how many still wait, and ends with every operation counted.
    void cancelAllNoticeCountsEveryOperation()
    {
        Fixture f;
        f.monitor.setMaxCancelsInFlight(2);
        f.backend.cancelDelayMs = 100; // 6 rounds of 100 ms: notices at 250 ms steps show partial sums
        QStringList ids;
        for (int i = 0; i < 12; ++i) {
            ids << QStringLiteral("1;1;%1").arg(i);
            f.backend.add(ids.last(), 10);
        }
        QVERIFY(f.track(ids));
        f.select(ids);
        answerConfirm(true);
        QStringList sent = f.pane.cancelWithConfirmation(f.pane.selectedIds());
        QCOMPARE(sent.size(), 12);
        QTRY_VERIFY(f.pane.noticeLabel()->text().contains(QStringLiteral("still waiting")));
        QTRY_COMPARE_WITH_TIMEOUT(f.monitor.cancelsPending(), 0, 10000);
        QTRY_VERIFY(!f.pane.noticeLabel()->text().contains(QStringLiteral("still waiting")));
        const QString notice = f.pane.noticeLabel()->text();
        QVERIFY2(notice.contains(QStringLiteral("Cancel accepted for 12 operation")), qPrintable(notice));
        QVERIFY2(notice.contains(QStringLiteral("in flight")), qPrintable(notice));
        QCOMPARE(f.backend.cancelCalls.size(), 12);
    }

    void errorsShowInThePane()
    {
        Fixture f;
        f.backend.add(QStringLiteral("1;1;a"), 10);
        QVERIFY(f.track({ QStringLiteral("1;1;a") }));
        f.select({ QStringLiteral("1;1;a") });
        Error throttled = Error::make(Error::Kind::Throttled, QStringLiteral("Too many requests"));
        throttled.httpStatus = 429;
        f.backend.failNext = throttled;
        answerConfirm(true);
        f.pane.cancelWithConfirmation(f.pane.selectedIds());
        QTRY_VERIFY(f.pane.noticeLabel()->text().contains(QStringLiteral("failed")));
        QVERIFY(f.pane.noticeLabel()->text().contains(QStringLiteral("429"))
                || f.pane.noticeLabel()->text().contains(QStringLiteral("Too many")));
        QVERIFY(f.pane.canCancelSelection()); // may be tried again
    }

    void headerStateRoundTrips()
    {
        QByteArray state;
        {
            Fixture f;
            QHeaderView *header = f.pane.operationsView()->horizontalHeader();
            header->moveSection(header->visualIndex(OperationModel::Table),
                                0); // moveSection takes visual indices
            f.pane.operationsView()->setColumnWidth(OperationModel::State, 211);
            f.pane.operationsView()->sortByColumn(OperationModel::Failed, Qt::AscendingOrder);
            state = f.pane.saveState();
        }
        Fixture g;
        g.pane.restoreState(state);
        QHeaderView *h = g.pane.operationsView()->horizontalHeader();
        QCOMPARE(h->visualIndex(OperationModel::Table), 0);
        QCOMPARE(h->sectionSize(OperationModel::State), 211);
        QCOMPARE(h->sortIndicatorSection(), int(OperationModel::Failed));
    }
};

QTEST_MAIN(TestOperationsPane)
#include "TestOperationsPane.moc"
