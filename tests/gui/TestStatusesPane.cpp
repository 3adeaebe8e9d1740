// StatusesPane offscreen: per-status counts in the filter, filters, jump to a SourceId, knowledge text,
// a typed-in SAS URL applied without leaving the secret in the widget.
#include "azure/HttpPipeline.h"
#include "gui/StatusesPane.h"
#include "models/IngestionStatusFilterProxy.h"
#include "models/IngestionStatusModel.h"
#include "monitor/StatusMonitor.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUuid>

using namespace iw;

class TestStatusesPane : public QObject
{
    Q_OBJECT

    static QList<IngestionStatus> rows(int n)
    {
        QList<IngestionStatus> out;
        for (int i = 0; i < n; ++i) {
            IngestionStatus s;
            s.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.partitionKey = s.rowKey = s.ingestionSourceId;
            s.status = i % 4 == 0 ? OperationStatus::Failed : OperationStatus::Succeeded;
            s.ingestionSourcePath = QStringLiteral("https://a.blob.core.windows.net/c/file-%1.csv").arg(i);
            s.database = i % 2 ? QStringLiteral("db1") : QStringLiteral("db2");
            s.table = QStringLiteral("t");
            s.updatedOn = QDateTime::currentDateTimeUtc();
            s.details = i == 5 ? QStringLiteral("needle in details") : QString();
            out << s;
        }
        return out;
    }

private Q_SLOTS:
    // A fresh window shows every column title whole (no "ngestionSourcePa"), and paths elide in the middle.
    void columnTitlesFit()
    {
        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        StatusesPane pane;
        pane.setMonitor(&monitor, &model);
        pane.resize(1400, 400);
        pane.show();
        const QHeaderView *h = pane.view()->horizontalHeader();
        const QFontMetrics fm = h->fontMetrics();
        for (int c = 0; c < IngestionStatusModel::ColumnCount; ++c) {
            const QString title = model.headerData(c, Qt::Horizontal).toString();
            QVERIFY2(h->sectionSize(c) >= fm.horizontalAdvance(title) + fm.height(), qPrintable(title));
        }
        QCOMPARE(int(pane.view()->textElideMode()), int(Qt::ElideMiddle));
    }

    void filtersCountsAndJump()
    {
        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        StatusesPane pane;
        pane.setMonitor(&monitor, &model);
        const QList<IngestionStatus> page = rows(20);
        model.upsert(page);
        pane.show();
        QCOMPARE(pane.view()->model()->rowCount(), 20);
        const int failedIndex = pane.statusFilter()->findData(int(OperationStatus::Failed));
        QVERIFY(failedIndex > 0);
        QCOMPARE(pane.statusFilter()->itemText(failedIndex), QStringLiteral("Failed (5)"));
        pane.statusFilter()->setCurrentIndex(failedIndex);
        QCOMPARE(pane.view()->model()->rowCount(), 5);
        pane.statusFilter()->setCurrentIndex(0);
        pane.textFilter()->setText(QStringLiteral("NEEDLE"));
        QCOMPARE(pane.view()->model()->rowCount(), 1);
        pane.textFilter()->clear();
        QCOMPARE(pane.view()->model()->rowCount(), 20);

        QVERIFY(pane.jumpTo(page.at(7).ingestionSourceId));
        const QModelIndex current = pane.view()->currentIndex();
        QCOMPARE(current.siblingAtColumn(IngestionStatusModel::IngestionSourceId)
                     .data(IngestionStatusModel::RawValueRole)
                     .toString(),
                 page.at(7).ingestionSourceId);
        QVERIFY(!pane.jumpTo(QUuid::createUuid().toString(QUuid::WithoutBraces)));

        // Long-pending and failed rows carry the model's highlight.
        QVERIFY(pane.view()->model()->index(0, 0).data(Qt::BackgroundRole).isValid()
                || pane.view()->model()->index(1, 0).data(Qt::BackgroundRole).isValid());
    }

    // Pages merge in without a reset, and the Database filter lists each database once the first row of it
    // arrives (the list is kept by the model, not recomputed over all rows per page).
    void pagesMergeAndFillDatabaseFilter()
    {
        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        StatusesPane pane;
        pane.setMonitor(&monitor, &model);
        pane.show();
        auto *databases = pane.findChild<QComboBox *>(QStringLiteral("statusDatabaseFilter"));
        QVERIFY(databases);
        const auto items = [databases] {
            QStringList l;
            for (int i = 1; i < databases->count(); ++i)
                l << databases->itemText(i);
            return l;
        };
        QSignalSpy resets(pane.proxy(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(pane.proxy(), &QAbstractItemModel::rowsInserted);
        model.upsert(rows(20));
        QCOMPARE(items(), (QStringList { QStringLiteral("db1"), QStringLiteral("db2") }));
        QList<IngestionStatus> next = rows(10);
        next[3].database = QStringLiteral("Archive");
        model.upsert(next);
        QCOMPARE(items(),
                 (QStringList { QStringLiteral("Archive"), QStringLiteral("db1"), QStringLiteral("db2") }));
        QCOMPARE(pane.view()->model()->rowCount(), 30);
        QCOMPARE(resets.size(), 0);
        int insertedRows = 0;
        for (const QList<QVariant> &args : std::as_const(inserted))
            insertedRows += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(insertedRows, 30);
        databases->setCurrentIndex(1);
        QCOMPARE(pane.view()->model()->rowCount(), 1);
    }

    void knowledgeAndSource()
    {
        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        StatusesPane pane;
        pane.setMonitor(&monitor, &model);
        QVERIFY(pane.knowledgeLabel()->text().startsWith(QLatin1String("Unknown")));
        pane.sourceEdit()->setText(QStringLiteral("not a url at all"));
        QVERIFY(!pane.applySource());
        QVERIFY(!monitor.hasTable());
        // Port 9 on loopback: nothing listens, the refresh fails, the secret never shows.
        pane.sourceEdit()->setText(QStringLiteral(
            "http://127.0.0.1:9/devstoreaccount1/ingestionsstatus?sv=2021-12-02&sig=SECRETSIG"));
        QVERIFY(pane.applySource());
        QVERIFY(monitor.hasTable());
        QCOMPARE(monitor.tableName(), QStringLiteral("ingestionsstatus"));
        QVERIFY(pane.sourceEdit()->text().isEmpty());
        QVERIFY(!pane.sourceEdit()->placeholderText().contains(QLatin1String("SECRETSIG")));
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.isRefreshing(), 60000);
        QVERIFY(pane.knowledgeLabel()->text().startsWith(QLatin1String("Unknown")));
    }
};

QTEST_MAIN(TestStatusesPane)
#include "TestStatusesPane.moc"
