#include "simulator/IngestionEngine.h"

#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace iw;

namespace {

QStringList urls(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out.append(QStringLiteral("https://acct.blob.core.windows.net/c/b%1.csv.gz?sv=1&sig=secret").arg(i));
    return out;
}

struct Fixture
{
    QDateTime now = QDateTime(QDate(2025, 3, 20), QTime(15, 3, 11), Qt::UTC);
    IngestionEngine engine;
    explicit Fixture(EngineConfig c) : engine(c, [this] { return now; }) { }
    QList<SimBlob> step(qint64 ms)
    {
        now = now.addMSecs(ms);
        return engine.advance();
    }
};

EngineConfig config(double rate, qint64 processingMs, double failureRate, quint32 seed = 7)
{
    EngineConfig c;
    c.blobsPerSecond = rate;
    c.processingMs = processingMs;
    c.failureRate = failureRate;
    c.seed = seed;
    return c;
}

} // namespace

class TestIngestionEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void operationIdShape()
    {
        Fixture f(config(10, 1000, 0));
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(1));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{8};\\d{8};[0-9a-f-]{36}$")).match(id).hasMatch(),
                 qPrintable(id));
        QVERIFY(f.engine.hasOperation(id));
    }

    void newOperationIsInProgress()
    {
        Fixture f(config(10, 1000, 0));
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(5));
        const auto op = f.engine.operation(id);
        QVERIFY(op);
        QCOMPARE(int(op->state), (int)OperationState::InProgress);
        QCOMPARE(op->discovered, 5);
        QCOMPARE(op->pending, 5);
        QCOMPARE(op->ingested + op->failed + op->canceled, 0);
        QCOMPARE(op->database, QStringLiteral("db"));
        QCOMPARE(op->table, QStringLiteral("T"));
        QCOMPARE(op->startedOn, f.now);
        QVERIFY(!f.engine.operation(QStringLiteral("nope")));
    }

    void progressesAtRateThenCompletes()
    {
        Fixture f(config(2, 1000, 0)); // 2 blobs/s, 1 s each, no failures
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(10));
        f.engine.advance(); // t=0: budget empty
        QCOMPARE(f.engine.operation(id)->ingested, 0);
        f.step(1000); // 2 start
        QCOMPARE(f.engine.operation(id)->ingested, 0);
        auto done = f.step(1000); // those 2 finish, 2 more start
        QCOMPARE(done.size(), 2);
        QCOMPARE(f.engine.operation(id)->ingested, 2);
        QCOMPARE(f.engine.operation(id)->pending, 8);
        QCOMPARE(int(f.engine.operation(id)->state), (int)OperationState::InProgress);
        for (int i = 0; i < 10; ++i)
            f.step(1000);
        const auto op = f.engine.operation(id);
        QCOMPARE(op->ingested, 10);
        QCOMPARE(op->pending, 0);
        QCOMPARE(int(op->state), (int)OperationState::Completed);
        QCOMPARE(op->lastUpdatedOn > op->startedOn, true);
        QCOMPARE(f.engine.activeBlobs(), 0);
    }

    void countsAlwaysAddUp()
    {
        Fixture f(config(7, 700, 0.4, 3));
        const QString a = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(50));
        const QString b = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("U"), urls(30));
        for (int i = 0; i < 200; ++i) {
            f.step(250);
            for (const QString &id : { a, b }) {
                const auto op = f.engine.operation(id);
                QCOMPARE(op->pending + op->ingested + op->failed + op->canceled, op->discovered);
                // A canceled operation keeps its in-flight blobs as Pending until they finish (best effort).
                if (op->state != OperationState::Canceled)
                    QCOMPARE(op->state == OperationState::InProgress, op->pending > 0);
            }
            if (i == 20)
                f.engine.cancel(b);
        }
        QCOMPARE(f.engine.operation(a)->pending, 0);
        QVERIFY(f.engine.operation(a)->failed > 0);
        QVERIFY(f.engine.operation(a)->ingested > 0);
        QCOMPARE(int(f.engine.operation(a)->state), (int)OperationState::Completed);
        QVERIFY(!f.engine.operation(a)->sampleFailedReasons.isEmpty());
    }

    void allFailedIsFailed()
    {
        EngineConfig c = config(100, 10, 1.0);
        c.maxTransientRetries = 0;
        Fixture f(c);
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(4));
        for (int i = 0; i < 10; ++i)
            f.step(100);
        const auto op = f.engine.operation(id);
        QCOMPARE(op->failed, 4);
        QCOMPARE(int(op->state), (int)OperationState::Failed);
    }

    void cancelIsBestEffort()
    {
        Fixture f(config(2, 3000, 0));
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(10));
        f.engine.advance();
        f.step(1000); // 2 in flight
        const auto row = f.engine.cancel(id);
        QVERIFY(row);
        QCOMPARE(int(row->state), (int)OperationState::Canceled);
        QCOMPARE(row->canceled, 8);
        QCOMPARE(row->pending, 2); // in flight: still counted until they finish
        QCOMPARE(row->lastUpdatedOn, f.now);
        for (int i = 0; i < 5; ++i)
            f.step(1000);
        const auto op = f.engine.operation(id);
        QCOMPARE(int(op->state), (int)OperationState::Canceled);
        QCOMPARE(op->pending, 0);
        QCOMPARE(op->ingested, 2);
        QCOMPARE(op->canceled, 8);
        // Cancel again: nothing changes.
        QCOMPARE(f.engine.cancel(id)->canceled, 8);
        QVERIFY(!f.engine.cancel(QStringLiteral("unknown")));
    }

    void cancelOfFinishedOperationKeepsState()
    {
        Fixture f(config(100, 10, 0));
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(3));
        for (int i = 0; i < 5; ++i)
            f.step(100);
        QCOMPARE(int(f.engine.operation(id)->state), (int)OperationState::Completed);
        QCOMPARE(int(f.engine.cancel(id)->state), (int)OperationState::Completed);
        QCOMPARE(f.engine.operation(id)->canceled, 0);
    }

    void details()
    {
        EngineConfig c = config(1, 1000, 1.0);
        c.maxTransientRetries = 0;
        Fixture f(c);
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(3));
        f.engine.advance();
        f.step(1000); // one in flight
        f.step(1000); // first fails, second in flight
        const auto d = f.engine.details(id);
        QCOMPARE(d.size(), 3);
        QCOMPARE(d[0].ingestionOperationId, id);
        QCOMPARE(d[0].blobUrl, QStringLiteral("https://acct.blob.core.windows.net/c/b0.csv.gz"));
        QCOMPARE(d[0].ingestionStatus, QStringLiteral("Failed"));
        QVERIFY(!d[0].failedReasons.isEmpty());
        QVERIFY(d[0].startedAt.isValid());
        QVERIFY(!d[0].completedAt.isValid());
        QCOMPARE(d[1].ingestionStatus, QStringLiteral("Pending"));
        QCOMPARE(d[2].ingestionStatus, QStringLiteral("Pending"));
        QVERIFY(!d[2].startedAt.isValid());
        QVERIFY(f.engine.details(QStringLiteral("x")).isEmpty());
    }

    void sameSeedSameOutcomes()
    {
        auto run = [](quint32 seed) {
            Fixture f(config(5, 500, 0.5, seed));
            const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(40));
            QStringList outcomes;
            for (int i = 0; i < 100; ++i) {
                for (const SimBlob &b : f.step(300))
                    outcomes.append(b.sourceId + toString(b.state) + b.errorCode);
            }
            return qMakePair(id, outcomes);
        };
        QCOMPARE(run(11), run(11));
        QVERIFY(run(11) != run(12));
    }

    void transientFailuresAreRetriedThenExhausted()
    {
        EngineConfig c = config(100, 10, 1.0);
        c.maxTransientRetries = 2;
        c.retryDelayMs = 100;
        Fixture f(c);
        f.engine.setFailureScenarios({ { QStringLiteral("General_ThrottledIngestion"),
                                         FailureStatus::Transient, QStringLiteral("throttled %1") } });
        const QString id = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(40));
        QList<SimBlob> finals;
        for (int i = 0; i < 100; ++i)
            finals += f.step(50);
        QCOMPARE(finals.size(), 40);
        int exhausted = 0;
        for (const SimBlob &b : finals) {
            QVERIFY(b.attempts >= 2); // the first attempt always failed
            if (b.state == SimBlob::State::Failed) {
                ++exhausted;
                QCOMPARE(b.attempts, 3);
                QCOMPARE(int(b.failureStatus), (int)FailureStatus::Exhausted);
                QCOMPARE(b.errorCode, QStringLiteral("General_ThrottledIngestion"));
                QVERIFY(b.shouldRetry);
            } else {
                QVERIFY(b.errorCode.isEmpty());
            }
        }
        QVERIFY(exhausted > 0 && exhausted < 40);
        const auto op = f.engine.operation(id);
        QCOMPARE(op->failed, exhausted);
        QCOMPARE(op->ingested, 40 - exhausted);
    }

    void queueMessagesCarryReporting()
    {
        Fixture f(config(10, 100, 0));
        IngestionMessage m;
        m.id = QStringLiteral("e02acf47-dcc5-4733-8bad-c2db3fc61ea3");
        m.blobPath = QStringLiteral("https://acct.blob.core.windows.net/c/x.csv?sig=abc");
        m.databaseName = QStringLiteral("db");
        m.tableName = QStringLiteral("T");
        m.reportLevel = ReportLevel::FailuresAndSuccesses;
        m.reportMethod = ReportMethod::Table;
        m.statusInTable
            = StatusTableTarget { QStringLiteral("https://t/ingestionsstatus?sig=1"), m.id, m.id };
        const qsizetype i = f.engine.submitMessage(m);
        QList<SimBlob> done;
        for (int k = 0; k < 5; ++k)
            done += f.step(500);
        QCOMPARE(done.size(), 1);
        const SimBlob &b = done.first();
        QCOMPARE(b.sourceId, m.id);
        QVERIFY(b.ingestionOperationId.isEmpty());
        QCOMPARE(int(b.state), (int)SimBlob::State::Succeeded);
        QCOMPARE(int(b.reportLevel), (int)ReportLevel::FailuresAndSuccesses);
        QVERIFY(b.statusInTable);
        QCOMPARE(b.urlWithoutSecrets(), QStringLiteral("https://acct.blob.core.windows.net/c/x.csv"));
        QVERIFY(!QUuid::fromString(b.operationId).isNull());
        QCOMPARE(int(f.engine.blob(i).state), (int)SimBlob::State::Succeeded);
        QVERIFY(f.engine.operationIds().isEmpty());
    }

    // Lanes: a big operation submitted first does not hold back a later small one, nor SDK queue messages.
    void scheduleIsFairAcrossOperationsAndMessages()
    {
        Fixture f(config(10, 100, 0));
        const QString big = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("Big"), urls(1000));
        const QString small
            = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("Small"), urls(6));
        IngestionMessage m;
        m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m.blobPath = QStringLiteral("https://acct.blob.core.windows.net/c/stream.json");
        m.databaseName = QStringLiteral("db");
        m.tableName = QStringLiteral("Stream");
        const qsizetype msg = f.engine.submitMessage(m);
        for (int k = 0; k < 20; ++k) // 2 s at 10 blobs/s: 20 blobs started
            f.step(100);
        QCOMPARE(int(f.engine.blob(msg).state), int(SimBlob::State::Succeeded));
        QCOMPARE(int(f.engine.operation(small)->state), int(OperationState::Completed));
        QCOMPARE(f.engine.operation(small)->ingested, 6);
        QVERIFY(f.engine.operation(big)->ingested >= 10); // the big one got the rest
    }

    void queueMessagesHaveTheirOwnFailureRate()
    {
        EngineConfig c = config(100, 50, 0);
        c.messageFailureRate = 1.0;
        Fixture f(c);
        f.engine.setFailureScenarios({ { QStringLiteral("BadRequest_EmptyBlob"), FailureStatus::Permanent,
                                         QStringLiteral("Blob '%1' is empty.") } });
        const QString op = f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(20));
        QList<qsizetype> messages;
        for (int i = 0; i < 20; ++i) {
            IngestionMessage m;
            m.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            m.blobPath = QStringLiteral("https://acct.blob.core.windows.net/c/m%1.json").arg(i);
            m.databaseName = QStringLiteral("db");
            m.tableName = QStringLiteral("Stream");
            messages << f.engine.submitMessage(m);
        }
        for (int k = 0; k < 200 && f.engine.activeBlobs() > 0; ++k)
            f.step(100);
        QCOMPARE(f.engine.activeBlobs(), 0);
        QCOMPARE(f.engine.operation(op)->ingested, 20);
        for (qsizetype i : messages) {
            QCOMPARE(int(f.engine.blob(i).state), int(SimBlob::State::Failed));
            QVERIFY(!f.engine.blob(i).errorCode.isEmpty());
        }
    }

    void manyBlobsStayCheap()
    {
        Fixture f(config(1000, 100, 0.1));
        for (int k = 0; k < 5; ++k)
            f.engine.submitOperation(QStringLiteral("db"), QStringLiteral("T"), urls(2000));
        for (int i = 0; i < 200 && f.engine.activeBlobs() > 0; ++i)
            f.step(100);
        QCOMPARE(f.engine.activeBlobs(), 0);
    }
};

QTEST_APPLESS_MAIN(TestIngestionEngine)
#include "TestIngestionEngine.moc"
