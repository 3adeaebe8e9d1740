// TableClient against a real Azurite (started by the test on free loopback ports, stopped afterwards).
#include "AzuriteProcess.h"
#include "FaultProxy.h"
#include "azure/HttpPipeline.h"
#include "azure/IncrementalTableQuery.h"
#include "azure/SharedKeySigner.h"
#include "azure/StorageCredential.h"
#include "azure/TableClient.h"
#include "core/BackgroundThread.h"
#include "core/ConnectionString.h"
#include "core/StorageUri.h"
#include "core/TableEntityStatus.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace iw;
using iw::test::AzuriteProcess;
using iw::test::FaultProxy;

namespace {

template<typename T>
struct Waiter
{
    std::optional<Result<T>> value;
    std::function<void(Result<T>)> cb()
    {
        return [this](Result<T> r) {
            value.emplace(std::move(r));
        };
    }
};

template<typename T>
QString errorText(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}
template<typename T>
QString errorText(const std::optional<Result<T>> &r)
{
    return r ? errorText(*r) : QStringLiteral("no answer");
}

TableEntity metric(const QString &pk, const QString &rk, int i)
{
    TableEntity e;
    e.partitionKey = pk;
    e.rowKey = rk;
    e.set(QStringLiteral("Name"), QStringLiteral("cpu-%1").arg(i));
    e.set(QStringLiteral("Value"), i * 0.5, EdmType::Double);
    e.set(QStringLiteral("Count"), i);
    e.set(QStringLiteral("Big"), qint64(9007199254740993LL) + i);
    e.set(QStringLiteral("UpdatedOn"), QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).addSecs(i));
    e.set(QStringLiteral("Ok"), i % 2 == 0);
    return e;
}

} // namespace

class TestTableClient : public QObject
{
    Q_OBJECT

    AzuriteProcess m_azurite { AzuriteProcess::Table };
    HttpPipeline *m_pipeline = nullptr;
    TableClient *m_client = nullptr;
    StorageServiceConfig m_config;

    Status createTable(TableClient *client, const QString &name, bool ifNotExists = true)
    {
        Waiter<Unit> w;
        client->createTable(name, ifNotExists, this, w.cb());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 20000);
        }();
        return w.value ? *w.value : Status(Error::make(Error::Kind::Timeout, QStringLiteral("test timeout")));
    }

    // Loads entities with $batch, 100 per changeset (one partition each), several batches in flight.
    bool load(const QString &table, const QList<TableEntity> &entities, bool upsert = false)
    {
        QList<QList<TableEntity>> batches;
        for (const TableEntity &e : entities) {
            if (batches.isEmpty() || batches.last().size() == 100
                || batches.last().first().partitionKey != e.partitionKey)
                batches.append(QList<TableEntity>());
            batches.last().append(e);
        }
        int next = 0;
        int done = 0;
        int failed = 0;
        std::function<void()> pump = [&]() {
            if (next >= batches.size())
                return;
            const int i = next++;
            m_client->submitBatch(table, batches.at(i), upsert, this, [&](Status s) {
                ++done;
                if (!s) {
                    ++failed;
                    qWarning() << "batch failed:" << s.error().toString();
                }
                pump();
            });
        };
        for (int i = 0; i < 6; ++i)
            pump();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done == batches.size(), 120000);
        }();
        return done == batches.size() && failed == 0;
    }

    Result<QList<TableEntity>> queryAll(TableClient *client, const QString &table, const TableQuery &q)
    {
        Waiter<QList<TableEntity>> w;
        client->queryAll(table, q, this, w.cb());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 60000);
        }();
        return w.value
            ? *w.value
            : Result<QList<TableEntity>>(Error::make(Error::Kind::Timeout, QStringLiteral("test timeout")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
        auto cs = ConnectionString::parse(m_azurite.connectionString());
        QVERIFY(cs);
        auto cfg = StorageServiceConfig::tableFromConnectionString(cs.value());
        QVERIFY(cfg);
        m_config = cfg.value();
        m_pipeline = new HttpPipeline(this);
        m_client = new TableClient(m_pipeline, m_config, this);
    }

    void cleanupTestCase()
    {
        delete m_client;
        delete m_pipeline;
        const auto pids = m_azurite.pids();
        m_azurite.stop();
        QVERIFY(!m_azurite.isRunning());
        for (qint64 pid : pids)
            QVERIFY2(!QFile::exists(QStringLiteral("/proc/%1/cmdline").arg(pid)) || pid == 0,
                     "Azurite left running");
    }

    void createTableTwice()
    {
        QVERIFY(createTable(m_client, QStringLiteral("Metrics"), false));
        const Status again = createTable(m_client, QStringLiteral("Metrics"), false);
        QVERIFY(!again);
        QCOMPARE(again.error().httpStatus, 409);
        QCOMPARE(again.error().code, QStringLiteral("TableAlreadyExists"));
        QVERIFY(!again.error().retryable);
        QVERIFY(createTable(m_client, QStringLiteral("Metrics"), true));
    }

    void insertAndPointRead()
    {
        TableEntity e = metric(QStringLiteral("a b"), QStringLiteral("it's 50% é"), 3);
        Waiter<TableEntity> ins;
        m_client->insertEntity(QStringLiteral("Metrics"), e, this, ins.cb());
        QTRY_VERIFY_WITH_TIMEOUT(ins.value.has_value(), 10000);
        QVERIFY2(*ins.value, qPrintable(errorText(ins.value)));
        QVERIFY(ins.value->value().etag.startsWith(QLatin1String("W/")));

        Waiter<TableEntity> dup;
        m_client->insertEntity(QStringLiteral("Metrics"), e, this, dup.cb());
        QTRY_VERIFY_WITH_TIMEOUT(dup.value.has_value(), 10000);
        QVERIFY(!*dup.value);
        QCOMPARE(dup.value->error().code, QStringLiteral("EntityAlreadyExists"));

        Waiter<TableEntity> get;
        m_client->getEntity(QStringLiteral("Metrics"), e.partitionKey, e.rowKey, this, get.cb());
        QTRY_VERIFY_WITH_TIMEOUT(get.value.has_value(), 10000);
        QVERIFY2(*get.value, qPrintable(errorText(get.value)));
        const TableEntity &got = get.value->value();
        QCOMPARE(got.partitionKey, e.partitionKey);
        QCOMPARE(got.rowKey, e.rowKey);
        QCOMPARE(got.value(u"Name").toString(), QStringLiteral("cpu-3"));
        QCOMPARE(got.value(u"Value").toDouble(), 1.5);
        QVERIFY(got.property(u"Big")->type == EdmType::Int64);
        QCOMPARE(got.value(u"Big").toLongLong(), 9007199254740996LL);
        QVERIFY(got.property(u"UpdatedOn")->type == EdmType::DateTime);
        QCOMPARE(got.value(u"UpdatedOn").toDateTime(),
                 QDateTime(QDate(2024, 3, 1), QTime(12, 0, 3), Qt::UTC));
        QVERIFY(got.timestamp.isValid());
        QVERIFY(!got.etag.isEmpty());
    }

    void missingEntityAndTable()
    {
        Waiter<TableEntity> get;
        m_client->getEntity(QStringLiteral("Metrics"), QStringLiteral("nope"), QStringLiteral("x"), this,
                            get.cb());
        QTRY_VERIFY_WITH_TIMEOUT(get.value.has_value(), 10000);
        QVERIFY(!*get.value);
        QCOMPARE(get.value->error().kind, Error::Kind::NotFound);
        QCOMPARE(get.value->error().code, QStringLiteral("ResourceNotFound"));
        QCOMPARE(get.value->error().httpStatus, 404);
        QVERIFY(!get.value->error().clientRequestId.isEmpty());

        const quint64 before = m_pipeline->requestsSent();
        auto r = queryAll(m_client, QStringLiteral("NoSuchTable"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::NotFound);
        QCOMPARE(r.error().code, QStringLiteral("TableNotFound"));
        QVERIFY(r.error().message.startsWith(QLatin1String("The table specified does not exist.")));
        QCOMPARE(m_pipeline->requestsSent() - before, 1u); // 404 is never retried
    }

    void wrongKeyIsTypedAuthError()
    {
        auto cred = StorageCredential::sharedKey(QStringLiteral("devstoreaccount1"),
                                                 QString::fromLatin1(QByteArray(64, 'k').toBase64()));
        QVERIFY(cred);
        StorageServiceConfig cfg = m_config;
        cfg.credential = cred.value();
        TableClient bad(m_pipeline, cfg);
        const quint64 before = m_pipeline->requestsSent();
        auto r = queryAll(&bad, QStringLiteral("Metrics"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Auth);
        QCOMPARE(r.error().httpStatus, 403);
        QCOMPARE(r.error().code, QStringLiteral("AuthorizationFailure")); // Azurite answers XML here
        QVERIFY(!r.error().retryable);
        QCOMPARE(m_pipeline->requestsSent() - before, 1u);
    }

    void sharedKeyLiteAndSas()
    {
        TableClient lite(m_pipeline, m_config);
        lite.setScheme(StorageCredential::TableScheme::SharedKeyLite);
        QVERIFY(queryAll(&lite, QStringLiteral("Metrics"), {}));

        // An account SAS (sv >= 2020-12-06 layout), used as `.get ingestion resources` would hand it out.
        const QString st = QDateTime::currentDateTimeUtc().addSecs(-300).toString(Qt::ISODate);
        const QString se = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        const QByteArray sts = "devstoreaccount1\nrl\nt\nsco\n" + st.toLatin1() + '\n' + se.toLatin1()
            + "\n\nhttps,http\n2021-12-02\n\n";
        const QByteArray sig
            = SharedKeySigner::sign(QByteArray::fromBase64(AzuriteProcess::accountKey().toLatin1()), sts);
        const QString token
            = QStringLiteral("sv=2021-12-02&ss=t&srt=sco&sp=rl&st=%1&se=%2&spr=https,http&sig=%3")
                  .arg(QString::fromLatin1(QUrl::toPercentEncoding(st)),
                       QString::fromLatin1(QUrl::toPercentEncoding(se)),
                       QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(sig))));
        auto uri = StorageUri::parse(m_config.endpoint.toString() + QStringLiteral("/Metrics?") + token);
        QVERIFY(uri);
        QCOMPARE(uri->resourceName, QStringLiteral("Metrics"));
        QVERIFY(uri->pathStyle);
        TableClient sas(m_pipeline, StorageServiceConfig::fromStorageUri(uri.value()));
        auto r = queryAll(&sas, uri->resourceName, {});
        QVERIFY2(r, qPrintable(errorText(r)));
        QCOMPARE(r->size(), 1);
        // A read-only SAS cannot write.
        Waiter<TableEntity> ins;
        sas.insertEntity(QStringLiteral("Metrics"), metric(QStringLiteral("p"), QStringLiteral("r"), 1), this,
                         ins.cb());
        QTRY_VERIFY_WITH_TIMEOUT(ins.value.has_value(), 10000);
        QVERIFY(!*ins.value);
        QCOMPARE(ins.value->error().kind, Error::Kind::Auth);
    }

    void upsertMergeAndReplace()
    {
        TableEntity e = metric(QStringLiteral("web"), QStringLiteral("0001"), 1);
        Waiter<QString> up;
        m_client->upsertEntity(QStringLiteral("Metrics"), e, TableClient::UpdateMode::Merge, this, up.cb());
        QTRY_VERIFY_WITH_TIMEOUT(up.value.has_value(), 10000);
        QVERIFY2(*up.value, qPrintable(errorText(up.value)));
        const QString etag1 = up.value->value();
        QVERIFY(!etag1.isEmpty());

        TableEntity patch;
        patch.partitionKey = e.partitionKey;
        patch.rowKey = e.rowKey;
        patch.set(QStringLiteral("Note"), QStringLiteral("merged"));
        patch.set(QStringLiteral("Value"), 43.0, EdmType::Double);
        Waiter<QString> merge;
        m_client->updateEntity(QStringLiteral("Metrics"), patch, TableClient::UpdateMode::Merge, etag1, this,
                               merge.cb());
        QTRY_VERIFY_WITH_TIMEOUT(merge.value.has_value(), 10000);
        QVERIFY2(*merge.value, qPrintable(errorText(merge.value)));

        Waiter<QString> stale;
        m_client->updateEntity(QStringLiteral("Metrics"), patch, TableClient::UpdateMode::Merge, etag1, this,
                               stale.cb());
        QTRY_VERIFY_WITH_TIMEOUT(stale.value.has_value(), 10000);
        QVERIFY(!*stale.value);
        QCOMPARE(stale.value->error().httpStatus, 412);
        QCOMPARE(stale.value->error().code, QStringLiteral("UpdateConditionNotSatisfied"));

        Waiter<TableEntity> get;
        m_client->getEntity(QStringLiteral("Metrics"), e.partitionKey, e.rowKey, this, get.cb());
        QTRY_VERIFY_WITH_TIMEOUT(get.value.has_value(), 10000);
        QVERIFY(*get.value);
        QCOMPARE(get.value->value().value(u"Note").toString(), QStringLiteral("merged"));
        QCOMPARE(get.value->value().value(u"Name").toString(),
                 QStringLiteral("cpu-1")); // merge keeps the rest
        // (A whole-number double reads back as Int32 without an annotation: QJsonValue cannot tell 43.0
        // from 43.)
        QCOMPARE(get.value->value().value(u"Value").toDouble(), 43.0);

        Waiter<QString> replace;
        m_client->upsertEntity(QStringLiteral("Metrics"), patch, TableClient::UpdateMode::Replace, this,
                               replace.cb());
        QTRY_VERIFY_WITH_TIMEOUT(replace.value.has_value(), 10000);
        QVERIFY(*replace.value);
        Waiter<TableEntity> get2;
        m_client->getEntity(QStringLiteral("Metrics"), e.partitionKey, e.rowKey, this, get2.cb());
        QTRY_VERIFY_WITH_TIMEOUT(get2.value.has_value(), 10000);
        QVERIFY(*get2.value);
        QVERIFY(!get2.value->value().property(u"Name")); // replace drops the rest

        Waiter<Unit> del;
        m_client->deleteEntity(QStringLiteral("Metrics"), e.partitionKey, e.rowKey, QString(), this,
                               del.cb());
        QTRY_VERIFY_WITH_TIMEOUT(del.value.has_value(), 10000);
        QVERIFY(*del.value);
    }

    void filterSelectTopAndContinuation()
    {
        QVERIFY(createTable(m_client, QStringLiteral("Small")));
        QList<TableEntity> rows;
        for (int i = 0; i < 20; ++i)
            rows << metric(QStringLiteral("p%1").arg(i % 2),
                           QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0')), i);
        std::sort(rows.begin(), rows.end(), [](auto &a, auto &b) { return a.partitionKey < b.partitionKey; });
        QVERIFY(load(QStringLiteral("Small"), rows));

        TableQuery q;
        q.top = 7;
        TableQueryJob *job = m_client->query(QStringLiteral("Small"), q);
        QSignalSpy pages(job, &TableQueryJob::pageReady);
        QSignalSpy finished(job, &TableQueryJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(pages.size(), 3); // 7 + 7 + 6
        QCOMPARE(pages.at(2).at(0).value<TableEntityPage>().entities.size(), 6);
        QVERIFY(!pages.at(2).at(0).value<TableEntityPage>().hasMore());

        q.filter = QStringLiteral("PartitionKey eq 'p1' and Count ge 11 and Name ne %1")
                       .arg(TableClient::quoteLiteral(QStringLiteral("it's")));
        q.select = QStringList { QStringLiteral("RowKey"), QStringLiteral("Count") };
        q.top = 2;
        auto r = queryAll(m_client, QStringLiteral("Small"), q);
        QVERIFY2(r, qPrintable(errorText(r)));
        QCOMPARE(r->size(), 5); // 11 13 15 17 19, paged by 2: the filter is repeated on every page
        for (const TableEntity &e : r.value()) {
            QVERIFY(e.partitionKey.isEmpty()); // not selected
            QCOMPARE(e.properties.size(), 1);
            QVERIFY(e.value(u"Count").toInt() >= 11);
        }

        q = {};
        q.filter = QStringLiteral("Name eq"); // invalid
        r = queryAll(m_client, QStringLiteral("Small"), q);
        QVERIFY(!r);
        QCOMPARE(r.error().httpStatus, 400);
        QCOMPARE(r.error().code, QStringLiteral("InvalidInput"));
    }

    void twentyThousandEntitiesPaged()
    {
        QVERIFY(createTable(m_client, QStringLiteral("Big")));
        QList<TableEntity> rows;
        rows.reserve(20000);
        for (int p = 0; p < 20; ++p) {
            for (int i = 0; i < 1000; ++i)
                rows << metric(QStringLiteral("p%1").arg(p, 2, 10, QLatin1Char('0')),
                               QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')), p * 1000 + i);
        }
        QElapsedTimer t;
        t.start();
        QVERIFY(load(QStringLiteral("Big"), rows));
        qInfo("loaded 20000 entities in %lld ms", t.restart());

        const quint64 before = m_pipeline->requestsSent();
        TableQueryJob *job = m_client->query(QStringLiteral("Big"), {});
        QSet<QString> keys;
        int pages = 0;
        connect(job, &TableQueryJob::pageReady, this, [&](const TableEntityPage &p) {
            ++pages;
            for (const TableEntity &e : p.entities)
                keys.insert(e.partitionKey + QLatin1Char('/') + e.rowKey);
        });
        QSignalSpy finished(job, &TableQueryJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        qInfo("fetched %d pages in %lld ms", pages, t.elapsed());
        QCOMPARE(pages, 20);
        QCOMPARE(keys.size(), 20000);
        QCOMPARE(m_pipeline->requestsSent() - before, 20u);
    }

    void incrementalQueryReturnsOnlyChangedRows()
    {
        QVERIFY(createTable(m_client, QStringLiteral("IngestionsStatus")));
        QList<TableEntity> rows;
        for (int i = 0; i < 2500; ++i) {
            IngestionStatus s;
            s.partitionKey = QStringLiteral("src-%1").arg(i / 100, 3, 10, QLatin1Char('0'));
            s.rowKey = QStringLiteral("%1").arg(i, 5, 10, QLatin1Char('0'));
            s.status = OperationStatus::Pending;
            s.ingestionSourceId
                = QStringLiteral("e02acf47-dcc5-4733-8bad-%1").arg(i, 12, 10, QLatin1Char('0'));
            s.database = QStringLiteral("db");
            s.table = QStringLiteral("T");
            s.updatedOn = QDateTime::currentDateTimeUtc();
            rows << TableEntityStatus::fromIngestionStatus(s);
        }
        QVERIFY(load(QStringLiteral("IngestionsStatus"), rows, true));
        // The overlap window is measured back from the newest Timestamp seen. Let the bulk load fall out of
        // it (a passage of time, not a synchronisation), then write one marker row that stays inside it.
        QTest::qWait(800);
        {
            int pending = 1;
            m_client->upsertEntity(QStringLiteral("IngestionsStatus"), rows.first(),
                                   TableClient::UpdateMode::Merge, this, [&](Result<QString> r) {
                                       QVERIFY(r);
                                       --pending;
                                   });
            QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 10000);
        }

        IncrementalTableQuery inc(m_client, QStringLiteral("IngestionsStatus"));
        inc.setOverlap(std::chrono::milliseconds(500));
        QList<TableEntity> changed;
        connect(&inc, &IncrementalTableQuery::rowsChanged, this,
                [&](const QList<TableEntity> &r) { changed += r; });
        QSignalSpy done(&inc, &IncrementalTableQuery::refreshFinished);

        inc.refresh(); // first: everything
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QCOMPARE(done.at(0).at(0).toBool(), true);
        QCOMPARE(changed.size(), 2500);
        QCOMPARE(inc.lastRequests(), 3);

        changed.clear();
        quint64 before = m_pipeline->requestsSent();
        inc.refresh(); // nothing changed: one request, the marker comes back and is de-duplicated
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 30000);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(inc.lastFetched(), 1);
        QCOMPARE(m_pipeline->requestsSent() - before, 1u);
        QVERIFY(inc.lastFilter().startsWith(QLatin1String("Timestamp ge datetime'")));

        // Seven sources change status.
        QList<TableEntity> updates;
        for (int i : { 3, 250, 999, 1000, 1777, 2048, 2499 }) {
            IngestionStatus s = TableEntityStatus::toIngestionStatus(rows.at(i)).value();
            s.status = i % 2 ? OperationStatus::Failed : OperationStatus::Succeeded;
            s.failureStatus = FailureStatus::Permanent;
            s.errorCode = QStringLiteral("BadRequest_EmptyBlob");
            TableEntity e = TableEntityStatus::fromIngestionStatus(s);
            int pending = 1;
            m_client->upsertEntity(QStringLiteral("IngestionsStatus"), e, TableClient::UpdateMode::Merge,
                                   this, [&](Result<QString> r) {
                                       QVERIFY(r);
                                       --pending;
                                   });
            QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 10000);
            updates << e;
        }
        changed.clear();
        before = m_pipeline->requestsSent();
        inc.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 3, 30000);
        QCOMPARE(changed.size(), 7);
        QCOMPARE(m_pipeline->requestsSent() - before, 1u);
        for (const TableEntity &e : changed) {
            auto s = TableEntityStatus::toIngestionStatus(e);
            QVERIFY(s);
            QVERIFY(s->status == OperationStatus::Failed || s->status == OperationStatus::Succeeded);
            QCOMPARE(s->errorCode, QStringLiteral("BadRequest_EmptyBlob"));
            QVERIFY(s->failureStatus == FailureStatus::Permanent);
        }

        // Immediately again: the seven are inside the overlap window, fetched again and de-duplicated.
        changed.clear();
        inc.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 4, 30000);
        QCOMPARE(changed.size(), 0);
        QVERIFY(inc.lastFetched() >= 7);

        // A cancelled refresh may have recorded rows it never delivered: the keys are forgotten, so the
        // next refresh hands on every row of its window (the watermark stays: still one request).
        inc.refresh();
        inc.cancel();
        QVERIFY(!inc.isRunning());
        changed.clear();
        before = m_pipeline->requestsSent();
        inc.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 5, 30000);
        QVERIFY(inc.lastFetched() >= 7);
        QCOMPARE(changed.size(), inc.lastFetched());
        QCOMPARE(inc.lastChanged(), inc.lastFetched());
        QVERIFY(m_pipeline->requestsSent() - before <= 2u); // this refresh, and maybe the cancelled one's
    }

    // TableQuery::pageFilter runs on the parse thread, page by page in order, and what it drops is never
    // delivered.
    void pageFilterRunsOnTheParseThread()
    {
        QVERIFY(createTable(m_client, QStringLiteral("Filtered")));
        QList<TableEntity> rows;
        for (int i = 0; i < 30; ++i)
            rows << metric(QStringLiteral("p"), QStringLiteral("%1").arg(i, 4, 10, QLatin1Char('0')), i);
        QVERIFY(load(QStringLiteral("Filtered"), rows));

        TableQuery q;
        q.top = 8;
        QList<QThread *> threads;
        QList<int> nices;
        QList<int> firstCounts; // the first Count of each page the filter saw
        q.pageFilter = [&](QList<TableEntity> &entities) {
            threads << QThread::currentThread();
            nices << currentThreadNice();
            firstCounts << entities.first().value(u"Count").toInt();
            entities.removeIf([](const TableEntity &e) { return e.value(u"Count").toInt() % 3 != 0; });
        };
        TableQueryJob *job = m_client->query(QStringLiteral("Filtered"), q);
        QList<int> delivered;
        connect(job, &TableQueryJob::pageReady, this, [&](const TableEntityPage &p) {
            for (const TableEntity &e : p.entities)
                delivered << e.value(u"Count").toInt();
        });
        QSignalSpy finished(job, &TableQueryJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(threads.size(), 4); // 8 + 8 + 8 + 6
        for (QThread *t : threads)
            QVERIFY(t != QThread::currentThread());
#ifdef Q_OS_LINUX
        for (int n : nices) // background work: the GUI thread wins a core from it
            QCOMPARE(n, std::min(currentThreadNice() + kBackgroundNice, 19));
#endif
        QCOMPARE(firstCounts, (QList<int> { 0, 8, 16, 24 }));
        QCOMPARE(delivered, (QList<int> { 0, 3, 6, 9, 12, 15, 18, 21, 24, 27 }));
    }

    void retriesInjected503And429ThenSucceeds()
    {
        FaultProxy proxy(QHostAddress::LocalHost, static_cast<quint16>(m_azurite.tablePort()));
        QVERIFY(proxy.start());
        StorageServiceConfig cfg = m_config;
        cfg.endpoint = proxy.url(QStringLiteral("/devstoreaccount1"));
        HttpPipeline pipeline;
        RetryPolicy policy;
        policy.baseDelay = std::chrono::milliseconds(20);
        policy.maxAttempts = 4;
        pipeline.setRetryPolicy(policy);
        TableClient client(&pipeline, cfg);

        proxy.failNext(1, FaultProxy::Fault::httpStatus(503, 1));
        QElapsedTimer t;
        t.start();
        auto r = queryAll(&client, QStringLiteral("Small"), {});
        QVERIFY2(r, qPrintable(errorText(r)));
        QCOMPARE(r->size(), 20);
        QVERIFY2(t.elapsed() >= 950, "Retry-After: 1 was not honoured");
        QCOMPARE(proxy.faultsInjected(), 1);
        QCOMPARE(pipeline.requestsSent(), 2u);

        proxy.failNext(2, FaultProxy::Fault::httpStatus(429, 0));
        r = queryAll(&client, QStringLiteral("Small"), {});
        QVERIFY(r);
        QCOMPARE(proxy.faultsInjected(), 3);
        QCOMPARE(pipeline.requestsSent(), 5u);

        proxy.failNext(1, FaultProxy::Fault::reset());
        r = queryAll(&client, QStringLiteral("Small"), {});
        QVERIFY2(r, qPrintable(errorText(r)));
        proxy.failNext(1, FaultProxy::Fault::truncate());
        r = queryAll(&client, QStringLiteral("Small"), {});
        QVERIFY2(r, qPrintable(errorText(r)));
        QCOMPARE(r->size(), 20);
    }

    void retryStopsAtItsBound()
    {
        FaultProxy proxy(QHostAddress::LocalHost, static_cast<quint16>(m_azurite.tablePort()));
        QVERIFY(proxy.start());
        StorageServiceConfig cfg = m_config;
        cfg.endpoint = proxy.url(QStringLiteral("/devstoreaccount1"));
        HttpPipeline pipeline;
        RetryPolicy policy;
        policy.baseDelay = std::chrono::milliseconds(10);
        policy.maxAttempts = 3;
        pipeline.setRetryPolicy(policy);
        TableClient client(&pipeline, cfg);

        proxy.failNext(1000, FaultProxy::Fault::httpStatus(503, 0));
        auto r = queryAll(&client, QStringLiteral("Small"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().httpStatus, 503);
        QCOMPARE(r.error().code, QStringLiteral("ServerBusy"));
        QCOMPARE(r.error().kind, Error::Kind::Throttled);
        QVERIFY(r.error().retryable);
        QCOMPARE(proxy.requestsSeen(), 3);

        // The total-time bound: a Retry-After beyond the budget stops at once.
        policy.maxAttempts = 10;
        policy.maxRetryAfter = std::chrono::milliseconds(500);
        pipeline.setRetryPolicy(policy);
        proxy.failNext(1000, FaultProxy::Fault::httpStatus(429, 30));
        r = queryAll(&client, QStringLiteral("Small"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Throttled);
        QCOMPARE(proxy.requestsSeen(), 4);

        // Never retried: 404.
        proxy.clearFaults();
        r = queryAll(&client, QStringLiteral("Nope"), {});
        QVERIFY(!r);
        QCOMPARE(proxy.requestsSeen(), 5);

        // Per-attempt timeout: a delayed answer times out and is retried.
        policy.maxAttempts = 2;
        pipeline.setRetryPolicy(policy);
        StorageServiceConfig slow = cfg;
        slow.timeout = std::chrono::milliseconds(300);
        TableClient slowClient(&pipeline, slow);
        proxy.failNext(1, FaultProxy::Fault::delay(1500));
        r = queryAll(&slowClient, QStringLiteral("Small"), {});
        QVERIFY2(r, qPrintable(errorText(r)));
        proxy.failNext(5, FaultProxy::Fault::delay(1500));
        r = queryAll(&slowClient, QStringLiteral("Small"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Timeout);
    }

    void cancelOnShutdown()
    {
        auto *pipeline = new HttpPipeline;
        TableClient client(pipeline, m_config);
        Waiter<QList<TableEntity>> w;
        client.queryAll(QStringLiteral("Big"), {}, this, w.cb());
        QTRY_VERIFY_WITH_TIMEOUT(pipeline->inFlight() == 1, 5000);
        delete pipeline;
        QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 10000);
        QVERIFY(!*w.value);
        QCOMPARE(w.value->error().kind, Error::Kind::Canceled);
    }

    void plainHttpOnlyForLoopback()
    {
        StorageServiceConfig cfg = m_config;
        cfg.endpoint = QUrl(QStringLiteral("http://example.invalid/devstoreaccount1"));
        TableClient client(m_pipeline, cfg);
        auto r = queryAll(&client, QStringLiteral("Metrics"), {});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, Error::Kind::Usage);
    }
};

QTEST_GUILESS_MAIN(TestTableClient)
#include "TestTableClient.moc"
