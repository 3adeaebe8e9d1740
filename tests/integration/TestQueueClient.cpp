// QueueClient against a real Azurite (started by the test on a free loopback port, stopped afterwards).
#include "AzuriteProcess.h"
#include "azure/HttpPipeline.h"
#include "azure/QueueClient.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"

#include <QTest>

using namespace iw;
using iw::test::AzuriteProcess;

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
QString errorText(const std::optional<Result<T>> &r)
{
    return !r ? QStringLiteral("no answer") : *r ? QString() : r->error().toString();
}

} // namespace

class TestQueueClient : public QObject
{
    Q_OBJECT

    AzuriteProcess m_azurite { AzuriteProcess::Queue };
    HttpPipeline *m_pipeline = nullptr;
    QueueClient *m_client = nullptr;
    StorageServiceConfig m_config;

    QList<QueueMessage> peek(const QString &queue, int n = 32)
    {
        Waiter<QList<QueueMessage>> w;
        m_client->peekMessages(queue, n, this, w.cb());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 10000);
        }();
        if (!w.value || !*w.value)
            return {};
        return w.value->value();
    }
    qint64 count(const QString &queue)
    {
        Waiter<qint64> w;
        m_client->approximateMessageCount(queue, this, w.cb());
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 10000);
        }();
        return w.value && *w.value ? w.value->value() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_azurite.start(), qPrintable(m_azurite.errorString()));
        auto cs = ConnectionString::parse(m_azurite.connectionString());
        QVERIFY(cs);
        auto cfg = StorageServiceConfig::queueFromConnectionString(cs.value());
        QVERIFY(cfg);
        m_config = cfg.value();
        m_pipeline = new HttpPipeline(this);
        m_client = new QueueClient(m_pipeline, m_config, this);
        Waiter<Unit> w;
        m_client->createQueue(QStringLiteral("failedingestionsqueue"), this, w.cb());
        QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 10000);
        QVERIFY2(*w.value, qPrintable(errorText(w.value)));
        Waiter<Unit> again; // 204: exists with the same metadata
        m_client->createQueue(QStringLiteral("failedingestionsqueue"), this, again.cb());
        QTRY_VERIFY_WITH_TIMEOUT(again.value.has_value(), 10000);
        QVERIFY(*again.value);
    }

    void cleanupTestCase()
    {
        delete m_client;
        delete m_pipeline;
        m_azurite.stop();
        QVERIFY(!m_azurite.isRunning());
    }

    void peekDoesNotRemoveReceiveAndDeleteDoes()
    {
        const QString q = QStringLiteral("failedingestionsqueue");
        IngestionNotification n;
        n.kind = IngestionNotification::Kind::Failure;
        n.operationId = QStringLiteral("4b3a35e5-8b7c-4b0c-9d21-1f0f6b8f2a11");
        n.database = QStringLiteral("db");
        n.table = QStringLiteral("T");
        n.failedOn = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        n.ingestionSourceId = QStringLiteral("e02acf47-dcc5-4733-8bad-c2db3fc61ea3");
        n.ingestionSourcePath = QStringLiteral("https://acct.blob.core.windows.net/c/b.csv.gz");
        n.errorCode = QStringLiteral("BadRequest_EmptyBlob");
        n.failureStatus = FailureStatus::Permanent;
        const QString valid = QString::fromLatin1(toNotificationJson(n).toBase64());
        const QStringList texts { valid, valid, QStringLiteral("bm90IGpzb24gPGF0IGFsbD4="),
                                  QStringLiteral("<&> plain") };
        for (const QString &t : texts) {
            Waiter<QueueMessage> put;
            m_client->putMessage(q, t, this, put.cb(), 3600);
            QTRY_VERIFY_WITH_TIMEOUT(put.value.has_value(), 10000);
            QVERIFY2(*put.value, qPrintable(errorText(put.value)));
            QVERIFY(!put.value->value().messageId.isEmpty());
            QVERIFY(!put.value->value().popReceipt.isEmpty());
        }
        QCOMPARE(count(q), 4);

        const QList<QueueMessage> peeked = peek(q);
        QCOMPARE(peeked.size(), 4);
        QCOMPARE(peeked.at(3).messageText, QStringLiteral("<&> plain")); // XML escaping round trip
        QVERIFY(peeked.at(0).popReceipt.isEmpty());
        QCOMPARE(peek(q, 40).size(), 4); // clamped to 32, not a 400
        QCOMPARE(count(q), 4); // peek removes nothing

        Waiter<QList<IngestionNotification>> notes;
        m_client->peekNotifications(q, IngestionNotification::Kind::Failure, 32, this, notes.cb());
        QTRY_VERIFY_WITH_TIMEOUT(notes.value.has_value(), 10000);
        QVERIFY(*notes.value);
        const auto &list = notes.value->value();
        QCOMPARE(list.size(), 4);
        QVERIFY(list.at(0).kind == IngestionNotification::Kind::Failure);
        QCOMPARE(list.at(0).operationId, n.operationId);
        QCOMPARE(list.at(0).errorCode, QStringLiteral("BadRequest_EmptyBlob"));
        QCOMPARE(list.at(0).queueName, q);
        QCOMPARE(list.at(0).messageId, peeked.at(0).messageId);
        QVERIFY(list.at(0).insertionTime.isValid());
        QVERIFY(list.at(2).kind == IngestionNotification::Kind::Malformed); // kept, never dropped
        QCOMPARE(list.at(2).rawText, texts.at(2));
        QVERIFY(list.at(3).kind == IngestionNotification::Kind::Malformed);

        Waiter<QList<QueueClient::ReceivedNotification>> got;
        m_client->receiveNotifications(q, IngestionNotification::Kind::Failure, 32, 30, this, got.cb());
        QTRY_VERIFY_WITH_TIMEOUT(got.value.has_value(), 10000);
        QVERIFY(*got.value);
        QCOMPARE(got.value->value().size(), 4);
        QCOMPARE(got.value->value().at(0).notification.dequeueCount, 1);
        QCOMPARE(peek(q).size(), 0); // invisible now
        for (const auto &r : got.value->value()) {
            Waiter<Unit> del;
            m_client->deleteMessage(q, r.notification.messageId, r.popReceipt, this, del.cb());
            QTRY_VERIFY_WITH_TIMEOUT(del.value.has_value(), 10000);
            QVERIFY2(*del.value, qPrintable(errorText(del.value)));
        }
        QCOMPARE(count(q), 0);

        // Deleting again: 404 MessageNotFound, typed.
        Waiter<Unit> again;
        const auto &first = got.value->value().at(0);
        m_client->deleteMessage(q, first.notification.messageId, first.popReceipt, this, again.cb());
        QTRY_VERIFY_WITH_TIMEOUT(again.value.has_value(), 10000);
        QVERIFY(!*again.value);
        QCOMPARE(again.value->error().kind, Error::Kind::NotFound);
        QCOMPARE(again.value->error().code, QStringLiteral("MessageNotFound"));
    }

    void rawReceiveWithVisibilityTimeout()
    {
        const QString q = QStringLiteral("jobs");
        Waiter<Unit> c;
        m_client->createQueue(q, this, c.cb());
        QTRY_VERIFY_WITH_TIMEOUT(c.value.has_value(), 10000);
        QVERIFY(*c.value);
        Waiter<QueueMessage> put;
        m_client->putMessage(q, QStringLiteral("aGVsbG8="), this, put.cb());
        QTRY_VERIFY_WITH_TIMEOUT(put.value.has_value(), 10000);
        QVERIFY(*put.value);
        Waiter<QList<QueueMessage>> r;
        m_client->receiveMessages(q, 1, 1, this, r.cb());
        QTRY_VERIFY_WITH_TIMEOUT(r.value.has_value(), 10000);
        QVERIFY(*r.value);
        QCOMPARE(r.value->value().size(), 1);
        const QueueMessage m = r.value->value().first();
        QCOMPARE(m.messageText, QStringLiteral("aGVsbG8="));
        QVERIFY(m.timeNextVisible.isValid());
        QVERIFY(m.expirationTime > m.insertionTime);
        QCOMPARE(peek(q).size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(peek(q).size(), 1, 10000); // visible again after 1 s
    }

    void missingQueueAndWrongKeyAreTypedErrors()
    {
        Waiter<QList<QueueMessage>> w;
        m_client->peekMessages(QStringLiteral("nosuchqueue"), 1, this, w.cb());
        QTRY_VERIFY_WITH_TIMEOUT(w.value.has_value(), 10000);
        QVERIFY(!*w.value);
        QCOMPARE(w.value->error().kind, Error::Kind::NotFound);
        QCOMPARE(w.value->error().code, QStringLiteral("QueueNotFound"));
        QCOMPARE(w.value->error().httpStatus, 404);
        QVERIFY(!w.value->error().retryable);

        auto cred = StorageCredential::sharedKey(QStringLiteral("devstoreaccount1"),
                                                 QString::fromLatin1(QByteArray(64, 'k').toBase64()));
        QVERIFY(cred);
        StorageServiceConfig cfg = m_config;
        cfg.credential = cred.value();
        QueueClient bad(m_pipeline, cfg);
        const quint64 before = m_pipeline->requestsSent();
        Waiter<qint64> n;
        bad.approximateMessageCount(QStringLiteral("jobs"), this, n.cb());
        QTRY_VERIFY_WITH_TIMEOUT(n.value.has_value(), 10000);
        QVERIFY(!*n.value);
        QCOMPARE(n.value->error().kind, Error::Kind::Auth);
        QCOMPARE(n.value->error().code, QStringLiteral("AuthenticationFailed"));
        QCOMPARE(m_pipeline->requestsSent() - before, 1u);
    }
};

QTEST_GUILESS_MAIN(TestQueueClient)
#include "TestQueueClient.moc"
