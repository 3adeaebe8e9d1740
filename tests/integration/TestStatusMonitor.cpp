// StatusMonitor against a real Azurite: the first load pages the whole status table (Unknown -> Partial ->
// Complete), later refreshes are incremental (one request, only changed rows), never a point read per row.
#include "AzuriteProcess.h"
#include "azure/HttpPipeline.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"
#include "core/TableEntityStatus.h"
#include "models/IngestionStatusModel.h"
#include "monitor/StatusMonitor.h"
#include "simulator/SasBuilder.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace iw;
using iw::test::AzuriteProcess;

namespace {

const QString kTable = QStringLiteral("ingestionsstatus");

IngestionStatus makeStatus(const QString &pk, int i, OperationStatus st)
{
    IngestionStatus s;
    s.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.partitionKey = pk;
    s.rowKey = s.ingestionSourceId;
    s.status = st;
    s.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/file-%1.csv").arg(i);
    s.database = QStringLiteral("db");
    s.table = QStringLiteral("t%1").arg(i % 3);
    s.updatedOn = QDateTime::currentDateTimeUtc();
    s.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.activityId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return s;
}

} // namespace

class TestStatusMonitor : public QObject
{
    Q_OBJECT

    AzuriteProcess m_azurite { AzuriteProcess::Table };
    HttpPipeline *m_pipeline = nullptr;
    TableClient *m_client = nullptr;
    QList<IngestionStatus> m_rows;

    bool waitStatus(const std::function<void(std::function<void(Status)>)> &call)
    {
        std::optional<Status> result;
        call([&result](Status s) { result.emplace(std::move(s)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
        if (result && !*result)
            qWarning("%s", qPrintable(result->error().toString()));
        return result && *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
        auto cs = ConnectionString::parse(m_azurite.connectionString());
        QVERIFY(cs);
        auto cfg = StorageServiceConfig::tableFromConnectionString(cs.value());
        QVERIFY(cfg);
        m_pipeline = new HttpPipeline(this);
        m_client = new TableClient(m_pipeline, cfg.value(), this);
        QVERIFY(waitStatus([this](auto cb) { m_client->createTable(kTable, true, this, cb); }));
        // 1,200 rows in 12 partitions: more than one page (the service returns at most 1,000 per page).
        for (int p = 0; p < 12; ++p) {
            QList<TableEntity> batch;
            const QString pk = QStringLiteral("part-%1").arg(p);
            for (int i = 0; i < 100; ++i) {
                const int n = p * 100 + i;
                IngestionStatus s
                    = makeStatus(pk, n, n % 10 == 0 ? OperationStatus::Failed : OperationStatus::Pending);
                m_rows << s;
                batch << TableEntityStatus::fromIngestionStatus(s);
            }
            QVERIFY(waitStatus([&](auto cb) { m_client->submitBatch(kTable, batch, true, this, cb); }));
        }
    }

    void firstLoadThenIncremental()
    {
        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        // The rows were all written a moment ago: a short overlap keeps the re-read window to the last batch.
        monitor.setOverlap(std::chrono::milliseconds(500));
        QCOMPARE(monitor.toString(monitor.knowledge()),
                 StatusMonitor::toString(StatusMonitor::Knowledge::Unknown));
        QVERIFY(monitor.setTableFromConnectionString(m_azurite.connectionString(), kTable));

        QList<StatusMonitor::Knowledge> states;
        connect(&monitor, &StatusMonitor::knowledgeChanged, this,
                [&states](StatusMonitor::Knowledge k) { states << k; });
        QSignalSpy refreshed(&monitor, &StatusMonitor::refreshed);
        monitor.refresh();
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(refreshed.at(0).at(1).toBool(), true);
        QCOMPARE(model.rowCount(), 1200);
        QCOMPARE(model.count(OperationStatus::Failed), 120);
        QCOMPARE(states.size(), 2);
        QCOMPARE(int(states.at(0)), int(StatusMonitor::Knowledge::Partial));
        QCOMPARE(int(states.at(1)), int(StatusMonitor::Knowledge::Complete));
        QCOMPARE(monitor.lastRequests(), 2); // two pages, no point reads
        QCOMPARE(pipeline.requestsSent(), quint64(2));

        // Nothing changed: one request, nothing upserted.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        monitor.refresh();
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(monitor.lastRequests(), 1);
        QVERIFY(monitor.lastFilter().startsWith(QLatin1String("Timestamp ge datetime'")));
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 0);

        // Three rows finish, one new row appears: one request, 3 changed rows, 1 new.
        QList<TableEntity> updates;
        for (int i : { 1, 2, 3 }) {
            IngestionStatus s = m_rows.at(i);
            s.status = OperationStatus::Succeeded;
            QVERIFY(waitStatus([&](auto cb) {
                m_client->upsertEntity(
                    kTable, TableEntityStatus::fromIngestionStatus(s), TableClient::UpdateMode::Merge, this,
                    [cb](Result<QString> r) { cb(r ? Status(Unit {}) : Status(r.error())); });
            }));
        }
        IngestionStatus fresh = makeStatus(QStringLiteral("part-new"), 5000, OperationStatus::Queued);
        QVERIFY(waitStatus([&](auto cb) {
            m_client->insertEntity(
                kTable, TableEntityStatus::fromIngestionStatus(fresh), this,
                [cb](Result<TableEntity> r) { cb(r ? Status(Unit {}) : Status(r.error())); });
        }));
        const quint64 before = pipeline.requestsSent();
        monitor.refresh();
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(pipeline.requestsSent() - before, quint64(1));
        QCOMPARE(monitor.lastRequests(), 1);
        QCOMPARE(model.rowCount(), 1201);
        QCOMPARE(model.count(OperationStatus::Succeeded), 3);
        QCOMPARE(model.count(OperationStatus::Queued), 1);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(model.rowForSourceId(fresh.ingestionSourceId) >= 0);
        QCOMPARE(int(monitor.knowledge()), int(StatusMonitor::Knowledge::Complete));
        QVERIFY(monitor.knowledgeText().contains(QLatin1String("1,201"))
                || monitor.knowledgeText().contains(QLatin1String("1201")));
    }

    // Pages are read as statuses on a worker thread. Another table chosen while the first one's pages are
    // still being read, converted or merged: none of the first table's rows reach the model, the second
    // table's rows all do, and a row that is not a status is counted, not shown.
    void anotherTableWhileRowsAreReadShowsOnlyItsRows()
    {
        const QString other = QStringLiteral("otherstatus");
        QVERIFY(waitStatus([&](auto cb) { m_client->createTable(other, true, this, cb); }));
        QList<TableEntity> batch;
        QSet<QString> otherIds;
        for (int i = 0; i < 30; ++i) {
            const IngestionStatus s
                = makeStatus(QStringLiteral("other"), 5000 + i, OperationStatus::Succeeded);
            otherIds.insert(s.ingestionSourceId);
            batch << TableEntityStatus::fromIngestionStatus(s);
        }
        TableEntity bogus = TableEntityStatus::fromIngestionStatus(
            makeStatus(QStringLiteral("other"), 6000, OperationStatus::Succeeded));
        bogus.set(QStringLiteral("Status"), QStringLiteral("Bogus"));
        batch << bogus;
        QVERIFY(waitStatus([&](auto cb) { m_client->submitBatch(other, batch, true, this, cb); }));

        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        QVERIFY(monitor.setTableFromConnectionString(m_azurite.connectionString(), kTable));
        monitor.refresh();
        // The first page has been read and handed to the worker (or is waiting for its slices).
        QVERIFY(QTest::qWaitFor([&] { return monitor.rowsWaiting() > 0; }, 30000));
        QVERIFY(monitor.isRefreshing());

        QSignalSpy refreshed(&monitor, &StatusMonitor::refreshed);
        QVERIFY(monitor.setTableFromConnectionString(m_azurite.connectionString(), other));
        QCOMPARE(monitor.rowsWaiting(), 0);
        monitor.refresh();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.last().at(1).toBool());
        QTest::qWait(200); // anything of the first table still in flight would land now
        QCOMPARE(model.rowCount(), 30);
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(otherIds.contains(model.statusAt(r).ingestionSourceId));
        QCOMPARE(monitor.badRows(), 1);
        QCOMPARE(monitor.rowsRead(), 31);
        QCOMPARE(int(monitor.knowledge()), int(StatusMonitor::Knowledge::Complete));
    }

    void sasUrlAndErrorsKeepRunning()
    {
        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        // A table that does not exist: a typed error, the monitor stays usable.
        QVERIFY(monitor.setTableFromConnectionString(m_azurite.connectionString(),
                                                     QStringLiteral("missingtable")));
        QSignalSpy errors(&monitor, &StatusMonitor::errorOccurred);
        QSignalSpy refreshed(&monitor, &StatusMonitor::refreshed);
        monitor.refresh();
        QVERIFY(refreshed.wait(30000));
        QCOMPARE(refreshed.at(0).at(1).toBool(), false);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(int(monitor.knowledge()), int(StatusMonitor::Knowledge::Unknown));
        // A bad URL is refused.
        QVERIFY(!monitor.setTableUri(QStringLiteral("not a url")));
        // Back to the real table: loads.
        QVERIFY(monitor.setTableFromConnectionString(m_azurite.connectionString(), kTable));
        monitor.refresh();
        QVERIFY(refreshed.wait(60000));
        QCOMPARE(refreshed.last().at(1).toBool(), true);
        QVERIFY(model.rowCount() >= 1200);
    }

    // Re-discovery hands out a fresh SAS for the same table every hour: the rows, the knowledge and the
    // incremental watermark stay; the next refresh is one incremental query signed with the new SAS.
    void freshSasForTheSameTableStaysIncremental()
    {
        const SasBuilder sas(AzuriteProcess::accountName(),
                             QByteArray::fromBase64(AzuriteProcess::accountKey().toLatin1()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto uriFor = [&](int hours) -> QString {
            return m_azurite.tableEndpoint().toString() + QLatin1Char('/') + kTable + QLatin1Char('?')
                + sas.tableSas(kTable, QStringLiteral("r"), now.addSecs(-300), now.addSecs(hours * 3600));
        };
        const QString first = uriFor(1);
        const QString second = uriFor(2);
        QVERIFY(first != second);

        IngestionStatusModel model;
        HttpPipeline pipeline;
        StatusMonitor monitor(&model, &pipeline);
        monitor.setInterval(0);
        monitor.setOverlap(std::chrono::milliseconds(500));
        QVERIFY(monitor.setTableUri(first));
        QSignalSpy refreshed(&monitor, &StatusMonitor::refreshed);
        monitor.refresh();
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.last().at(1).toBool());
        const int rows = model.rowCount();
        QVERIFY(rows >= 1200);
        QCOMPARE(monitor.lastRequests(), 2); // the full read: two pages
        QCOMPARE(int(monitor.knowledge()), int(StatusMonitor::Knowledge::Complete));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(monitor.setTableUri(second));
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(int(monitor.knowledge()), int(StatusMonitor::Knowledge::Complete));
        monitor.refresh();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(refreshed.last().at(1).toBool()); // the new SAS works
        QCOMPARE(monitor.lastRequests(), 1); // incremental, not the whole table again
        QVERIFY(monitor.lastFilter().startsWith(QLatin1String("Timestamp ge datetime'")));
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);

        // Another table on the same account is a different source: read from scratch.
        QVERIFY(monitor.setTableUri(m_azurite.tableEndpoint().toString() + QStringLiteral("/othertable?")
                                    + sas.tableSas(QStringLiteral("othertable"), QStringLiteral("r"),
                                                   now.addSecs(-300), now.addSecs(3600))));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(int(monitor.knowledge()), int(StatusMonitor::Knowledge::Unknown));
    }

    void cleanupTestCase() { m_azurite.stop(); }
};

QTEST_GUILESS_MAIN(TestStatusMonitor)
#include "TestStatusMonitor.moc"
