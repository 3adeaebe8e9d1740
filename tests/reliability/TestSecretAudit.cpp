// Secret audit: a scripted session with every sign-in method and every storage credential kind, each with
// a distinctive secret, then every artifact the session leaves is searched for every secret and every SAS
// `sig=` value: the settings file, the SQLite archive's bytes (with its WAL), the CSV exports, the log
// (a Qt message handler) and stderr (fd 2 redirected to a file). Zero hits.
//
// Sign-in: service principal (client credentials) and device code against an in-process ingestwatch-sim
// authority; the browser sign-in (authorization code + PKCE) and device code again as the app runs them
// (ProfileTokenProvider, refresh tokens in the keychain, a silent refresh on "restart"), with the requests
// to the authority recorded so the authorization code, the PKCE verifier and the device code are searched
// for too; the command line (`ingestwatch ops`, its stdout and archive); Azure CLI through a fake `az` script
// on PATH -- a test double of an external program that prints a distinctive token, which the simulator then
// rejects (the 401 path must not leak it either). Storage: account key (a connection string with AccountKey,
// for a custom Azurite account whose key is random), a SAS token (StorageCredential::sas), SAS URIs (as `.get
// ingestion resources` returns them) and a connection string with SharedAccessSignature; plus a SAS URI for a
// queue that does not exist and a wrong key, so the error paths run too. Notifications carry SAS URLs in
// IngestionSourcePath, as an operator's own failure reports can.
#include "AzuriteProcess.h"
#include "azure/AzureCliTokenProvider.h"
#include "azure/DeviceCodeTokenProvider.h"
#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/QueueClient.h"
#include "azure/TableClient.h"
#include "azure/TokenProvider.h"
#include "cli/CliApp.h"
#include "core/ConnectionProfile.h"
#include "core/ConnectionString.h"
#include "core/NotificationParser.h"
#include "core/TableEntityStatus.h"
#include "gui/ViewCsvExport.h"
#include "models/FailureGroupModel.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"
#include "models/OperationModel.h"
#include "monitor/KustoOperationBackend.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/ProfileTokenProvider.h"
#include "monitor/SecretStore.h"
#include "monitor/StatusMonitor.h"
#include "simulator/SasBuilder.h"
#include "simulator/SimulatorServer.h"
#include "store/ArchiveCsvExporter.h"
#include "store/ArchiveOpener.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"
#include "store/SqlArchive.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <cstdio>
#include <optional>

#include <fcntl.h>
#include <unistd.h>

using namespace iw;
using iw::test::AzuriteProcess;

namespace {

const QString kAccount = QStringLiteral("iwauditacct");
const QString kTable = QStringLiteral("ingestionsstatus");
const QString kFailed = QStringLiteral("failedingestions");
const QString kSuccess = QStringLiteral("successfulingestions");

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

QString distinct(const char *what)
{
    return QStringLiteral("iwaudit-%1-%2")
        .arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::Id128));
}

template<typename T>
std::optional<T> answer(const std::function<void(std::function<void(T)>)> &call, int ms = 20000)
{
    std::optional<T> out;
    call([&out](T r) { out.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, ms);
    return out;
}

Result<QString> readSecret(SecretStore &s, const QString &key)
{
    return answer<Result<QString>>([&](auto cb) { s.read(key, cb); })
        .value_or(Error::make(Error::Kind::Timeout, QStringLiteral("the secret store did not answer")));
}

// Length of a complete HTTP message (head + Content-Length body) at the start of buf; -1 while incomplete.
qsizetype completeMessage(const QByteArray &buf)
{
    const qsizetype headEnd = buf.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return -1;
    qint64 length = 0;
    for (const QByteArray &raw : buf.left(headEnd).split('\n')) {
        const QByteArray line = raw.trimmed().toLower();
        if (line.startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    return buf.size() >= headEnd + 4 + length ? headEnd + 4 + length : -1;
}

// A loopback forwarder in front of the authority that records every request the app sends (one request
// per connection, answered as soon as the authority's answer is complete).
class RecordingForwarder : public QObject
{
public:
    QList<QByteArray> requests;

    bool start(quint16 targetPort)
    {
        m_target = targetPort;
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                client->setParent(this);
                auto in = std::make_shared<QByteArray>();
                connect(client, &QTcpSocket::readyRead, client, [this, client, in] {
                    *in += client->readAll();
                    const qsizetype n = completeMessage(*in);
                    if (n < 0)
                        return;
                    requests << in->left(n);
                    auto *up = new QTcpSocket(client);
                    auto out = std::make_shared<QByteArray>();
                    connect(up, &QTcpSocket::readyRead, up, [up, out, client] {
                        *out += up->readAll();
                        if (completeMessage(*out) >= 0) {
                            client->write(*out);
                            client->disconnectFromHost();
                            up->abort();
                        }
                    });
                    const QByteArray request = in->left(n);
                    connect(up, &QTcpSocket::connected, up, [up, request] { up->write(request); });
                    up->connectToHost(QHostAddress::LocalHost, m_target);
                });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    quint16 m_target = 0;
};

QString sigOf(const QString &sasToken)
{
    return QUrlQuery(sasToken).queryItemValue(QStringLiteral("sig"), QUrl::FullyEncoded);
}

} // namespace

class TestSecretAudit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_key; // decoded account key
    QString m_keyBase64;
    std::unique_ptr<AzuriteProcess> m_azurite;
    QMap<QString, QString> m_secrets; // what -> value
    QString m_stderrPath;
    int m_savedStderr = -1;
    QNetworkAccessManager m_browser;

    void addSecret(const QString &what, const QString &value)
    {
        if (value.size() >= 8)
            m_secrets.insert(what, value);
    }
    // The browser: opens the authorize URL and follows the authority's redirect to the loopback port.
    QByteArray browse(const QUrl &url, QUrl *landed)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply *reply = m_browser.get(req);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
            return "<browser timed out>";
        *landed = reply->url();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }
    void addSas(const QString &what, const QString &token)
    {
        const QString sig = sigOf(token);
        addSecret(what + QStringLiteral(" sig (encoded)"), sig);
        addSecret(what + QStringLiteral(" sig"), QUrl::fromPercentEncoding(sig.toLatin1()));
    }

    template<typename F>
    bool waitFor(F &&done, int ms = 30000)
    {
        return QTest::qWaitFor(std::forward<F>(done), ms);
    }
    bool waitStatus(const std::function<void(std::function<void(Status)>)> &call)
    {
        std::optional<Status> result;
        call([&result](Status s) { result.emplace(std::move(s)); });
        (void)waitFor([&] { return result.has_value(); });
        return result && *result;
    }
    QString endpoint(int port) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(kAccount);
    }
    QString accountKeyConnectionString(const QString &key) const
    {
        return QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2;TableEndpoint=%3;"
                              "QueueEndpoint=%4")
            .arg(kAccount, key, endpoint(m_azurite->tablePort()), endpoint(m_azurite->queuePort()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        // A storage account of our own with a random key (Azurite: AZURITE_ACCOUNTS=name:base64key).
        m_key.resize(64);
        for (char &c : m_key)
            c = char(QRandomGenerator::global()->bounded(256));
        m_keyBase64 = QString::fromLatin1(m_key.toBase64());
        qputenv("AZURITE_ACCOUNTS", (kAccount + QLatin1Char(':') + m_keyBase64).toLatin1());
        m_azurite = std::make_unique<AzuriteProcess>(AzuriteProcess::Services(AzuriteProcess::Table)
                                                     | AzuriteProcess::Queue);
        QVERIFY2(m_azurite->start(), qPrintable(m_azurite->errorString()));
        addSecret(QStringLiteral("account key"), m_keyBase64);
        // Every message from here on is captured; stderr goes to a file.
        g_previous = qInstallMessageHandler(captureLog);
        m_stderrPath = m_dir.filePath(QStringLiteral("stderr.txt"));
        std::fflush(stderr);
        m_savedStderr = ::dup(2);
        const int fd
            = ::open(QFile::encodeName(m_stderrPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(fd >= 0);
        ::dup2(fd, 2);
        ::close(fd);
    }

    void cleanupTestCase()
    {
        std::fflush(stderr);
        if (m_savedStderr >= 0) {
            ::dup2(m_savedStderr, 2);
            ::close(m_savedStderr);
        }
        qInstallMessageHandler(g_previous);
    }

    void scriptedSessionLeavesNoSecret()
    {
        HttpPipeline pipeline;
        RetryPolicy quick;
        quick.maxAttempts = 2;
        quick.baseDelay = std::chrono::milliseconds(50);
        pipeline.setRetryPolicy(quick);

        // --- storage: set up with the account key, rows and messages that carry SAS URLs ------------------
        auto cs = ConnectionString::parse(accountKeyConnectionString(m_keyBase64));
        QVERIFY(cs);
        TableClient tables(&pipeline, StorageServiceConfig::tableFromConnectionString(cs.value()).value());
        QueueClient queues(&pipeline, StorageServiceConfig::queueFromConnectionString(cs.value()).value());
        QVERIFY(waitStatus([&](auto cb) { tables.createTable(kTable, true, this, cb); }));
        QVERIFY(waitStatus([&](auto cb) { queues.createQueue(kFailed, this, cb); }));
        QVERIFY(waitStatus([&](auto cb) { queues.createQueue(kSuccess, this, cb); }));

        const SasBuilder sas(kAccount, m_key);
        const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-300);
        const QDateTime until = from.addSecs(7200);
        const QString tableSas = sas.tableSas(kTable, QStringLiteral("raud"), from, until);
        const QString failedSas = sas.queueSas(kFailed, QStringLiteral("raup"), from, until);
        const QString successSas = sas.queueSas(kSuccess, QStringLiteral("raup"), from, until);
        const QString missingSas
            = sas.queueSas(QStringLiteral("nosuchqueue"), QStringLiteral("raup"), from, until);
        const QString blobSas
            = sas.containerSas(QStringLiteral("landing"), QStringLiteral("rl"), from, until);
        addSas(QStringLiteral("table SAS"), tableSas);
        addSas(QStringLiteral("failed queue SAS"), failedSas);
        addSas(QStringLiteral("success queue SAS"), successSas);
        addSas(QStringLiteral("missing queue SAS"), missingSas);
        addSas(QStringLiteral("blob SAS"), blobSas);
        const QString sourceUrl
            = QStringLiteral("https://%1.blob.core.windows.net/landing/part-1.csv?%2").arg(kAccount, blobSas);

        QList<TableEntity> rows;
        for (int i = 0; i < 20; ++i) {
            IngestionStatus s;
            s.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            s.partitionKey = QStringLiteral("p");
            s.rowKey = s.ingestionSourceId;
            s.status = i % 2 ? OperationStatus::Failed : OperationStatus::Succeeded;
            s.ingestionSourcePath = sourceUrl;
            s.details = QStringLiteral("Failed to download %1").arg(sourceUrl);
            s.database = QStringLiteral("db");
            s.table = QStringLiteral("t");
            s.updatedOn = QDateTime::currentDateTimeUtc();
            rows << TableEntityStatus::fromIngestionStatus(s);
        }
        QVERIFY(waitStatus([&](auto cb) { tables.submitBatch(kTable, rows, true, this, cb); }));
        for (int i = 0; i < 6; ++i) {
            IngestionNotification n;
            n.kind = i % 3 ? IngestionNotification::Kind::Failure : IngestionNotification::Kind::Success;
            n.operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            n.database = QStringLiteral("db");
            n.table = QStringLiteral("t");
            n.failedOn = QDateTime::currentDateTimeUtc();
            n.succeededOn = n.failedOn;
            n.ingestionSourceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            n.ingestionSourcePath = sourceUrl;
            n.details = QStringLiteral("Download of '%1' failed: 403").arg(sourceUrl);
            n.errorCode = QStringLiteral("Download_SourceNotFound");
            n.failureStatus = FailureStatus::Permanent;
            const QString &q = n.kind == IngestionNotification::Kind::Failure ? kFailed : kSuccess;
            std::optional<bool> ok;
            queues.putMessage(q, QString::fromLatin1(toNotificationJson(n).toBase64()), this,
                              [&ok](Result<QueueMessage> r) { ok = bool(r); });
            QVERIFY(waitFor([&] { return ok.has_value(); }));
            QVERIFY(*ok);
        }

        // --- the archive, the models and the monitors ------------------------------------------------------
        const QString archivePath = m_dir.filePath(QStringLiteral("archive.sqlite"));
        const ArchiveConfig archiveConfig = ArchiveConfig::sqlite(QStringLiteral("audit"), archivePath);
        ArchiveWriter writer(archiveConfig);
        NotificationModel notifications;
        FailureGroupModel groups;
        IngestionStatusModel statuses;

        auto refreshStatus = [&](StatusMonitor &m) {
            QSignalSpy done(&m, &StatusMonitor::refreshed);
            m.refresh();
            return done.wait(30000);
        };
        auto refreshQueues = [&](NotificationMonitor &m) {
            QSignalSpy done(&m, &NotificationMonitor::refreshed);
            m.refresh();
            return done.wait(30000);
        };
        {
            // Account key (connection string), then a wrong key (the error path).
            StatusMonitor byKey(&statuses, &pipeline);
            byKey.setInterval(0);
            QVERIFY(byKey.setTableFromConnectionString(accountKeyConnectionString(m_keyBase64), kTable));
            QVERIFY(refreshStatus(byKey));
            QCOMPARE(statuses.rowCount(), 20);
            qWarning("status table: %s", qPrintable(byKey.tableDescription()));
            const QString wrongKey = QString::fromLatin1(QByteArray(64, 'w').toBase64());
            addSecret(QStringLiteral("wrong account key"), wrongKey);
            IngestionStatusModel other;
            StatusMonitor wrong(&other, &pipeline);
            wrong.setInterval(0);
            connect(&wrong, &StatusMonitor::errorOccurred, this, [](const Error &e, const QString &c) {
                qWarning("%s: %s", qPrintable(c), qPrintable(e.toString()));
            });
            QVERIFY(wrong.setTableFromConnectionString(accountKeyConnectionString(wrongKey), kTable));
            QVERIFY(refreshStatus(wrong));
        }
        {
            // SAS URI of the table (as `.get ingestion resources` returns it).
            IngestionStatusModel other;
            StatusMonitor bySasUri(&other, &pipeline);
            bySasUri.setInterval(0);
            QVERIFY(bySasUri.setTableUri(endpoint(m_azurite->tablePort()) + QLatin1Char('/') + kTable
                                         + QLatin1Char('?') + tableSas));
            QVERIFY(refreshStatus(bySasUri));
            QCOMPARE(other.rowCount(), 20);
            qWarning("status table: %s", qPrintable(bySasUri.tableDescription()));
            // A SAS token on its own (StorageCredential::sas).
            IngestionStatusModel third;
            StatusMonitor bySasToken(&third, &pipeline);
            bySasToken.setInterval(0);
            StorageServiceConfig config;
            config.endpoint = QUrl(endpoint(m_azurite->tablePort()));
            config.credential = StorageCredential::sas(tableSas);
            bySasToken.setTable(config, kTable);
            QVERIFY(refreshStatus(bySasToken));
            QCOMPARE(third.rowCount(), 20);
        }
        {
            // Queues by SAS URI (peek, archived), one of them missing (the error path).
            NotificationMonitor bySasUri(&notifications, &groups, &pipeline, &writer, nullptr);
            bySasUri.setInterval(0);
            connect(&bySasUri, &NotificationMonitor::errorOccurred, this,
                    [](const Error &e, const QString &c) {
                        qWarning("%s: %s", qPrintable(c), qPrintable(e.toString()));
                    });
            const QString q = endpoint(m_azurite->queuePort()) + QLatin1Char('/');
            QVERIFY(bySasUri.setQueueUris({ q + kFailed + QLatin1Char('?') + failedSas,
                                            q + QStringLiteral("nosuchqueue?") + missingSas },
                                          { q + kSuccess + QLatin1Char('?') + successSas }));
            QVERIFY(refreshQueues(bySasUri));
            QVERIFY(notifications.rowCount() >= 6);
            for (const auto &s : bySasUri.queues())
                qWarning("queue %s %s: %s", qPrintable(s.endpoint), qPrintable(s.name),
                         qPrintable(s.lastError));
            // A connection string with SharedAccessSignature: consume (archive, then delete).
            NotificationModel consumedModel;
            FailureGroupModel consumedGroups;
            NotificationMonitor byCs(&consumedModel, &consumedGroups, &pipeline, &writer, nullptr);
            byCs.setInterval(0);
            const QString sasCs = QStringLiteral("QueueEndpoint=%1;SharedAccessSignature=%2")
                                      .arg(endpoint(m_azurite->queuePort()), failedSas);
            QVERIFY(byCs.setQueuesFromConnectionString(sasCs, { kFailed }, {}));
            byCs.setMode(NotificationMonitor::Mode::Consume);
            QVERIFY(refreshQueues(byCs));
            QTRY_VERIFY_WITH_TIMEOUT(byCs.consumedCount() >= 4, 20000);
        }

        // --- sign-in: service principal, device code, Azure CLI; the operations monitor over each
        // ------------
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString clientSecret = distinct("client-secret");
        addSecret(QStringLiteral("client secret"), clientSecret);
        SimulatorOptions simOptions;
        simOptions.tokens.clientId = clientId;
        simOptions.tokens.clientSecret = clientSecret;
        SimulatorServer sim(simOptions);
        QVERIFY(sim.start() != 0);
        const QString opId = sim.engine().submitOperation(QStringLiteral("db"), QStringLiteral("t"),
                                                          { sourceUrl, sourceUrl + QStringLiteral("&x=2") });
        const QString scope = QStringLiteral("https://kusto.kusto.windows.net/.default");
        auto runOperations = [&](TokenProvider *tokens, bool expectOk) {
            KustoClient client(&pipeline, sim.baseUrl(), tokens);
            KustoOperationBackend backend(&client, &pipeline);
            OperationModel model;
            OperationMonitor monitor(&model, &backend, &writer, nullptr);
            monitor.setInterval(0);
            connect(&monitor, &OperationMonitor::errorOccurred, this, [](const Error &e, const QString &c) {
                qWarning("%s: %s", qPrintable(c), qPrintable(e.toString()));
            });
            QSignalSpy refreshed(&monitor, &OperationMonitor::refreshed);
            monitor.track({ opId }, TrackSource::Pasted);
            if (!refreshed.wait(30000))
                return false;
            return refreshed.last().at(1).toBool() == expectOk;
        };
        {
            ClientCredentialsTokenProvider sp(
                &pipeline,
                ClientCredentialsTokenProvider::tokenEndpointFor(sim.baseUrl(), QStringLiteral("t")),
                clientId, clientSecret, scope);
            std::optional<Result<QString>> token;
            sp.token(this, [&token](Result<QString> r) { token = std::move(r); });
            QVERIFY(waitFor([&] { return token.has_value(); }));
            QVERIFY(*token);
            addSecret(QStringLiteral("service principal access token"), token->value());
            QVERIFY(runOperations(&sp, true));
            // The wrong secret: the error path.
            const QString wrongSecret = distinct("wrong-secret");
            addSecret(QStringLiteral("wrong client secret"), wrongSecret);
            ClientCredentialsTokenProvider bad(
                &pipeline,
                ClientCredentialsTokenProvider::tokenEndpointFor(sim.baseUrl(), QStringLiteral("t")),
                clientId, wrongSecret, scope);
            QVERIFY(runOperations(&bad, false));
        }
        {
            DeviceCodeTokenProvider dc(&pipeline, sim.baseUrl(), QStringLiteral("t"), clientId, scope);
            dc.setMinimumPollInterval(std::chrono::milliseconds(200));
            connect(&dc, &DeviceCodeTokenProvider::deviceCodeReady, this,
                    [&sim](const QString &userCode) { sim.tokens().approveUserCode(userCode); });
            connect(&dc, &DeviceCodeTokenProvider::refreshTokenChanged, this,
                    [this](const QString &t) { addSecret(QStringLiteral("device code refresh token"), t); });
            std::optional<Result<QString>> token;
            dc.token(this, [&token](Result<QString> r) { token = std::move(r); });
            QVERIFY(waitFor([&] { return token.has_value(); }, 60000));
            QVERIFY2(*token, qPrintable(*token ? QString() : token->error().toString()));
            addSecret(QStringLiteral("device code access token"), token->value());
            QVERIFY(runOperations(&dc, true));
        }
        {
            // The interactive sign-ins as the app runs them: ProfileTokenProvider with the refresh token
            // kept in the keychain (FallbackSecretStore over KeychainSecretStore: the OS keychain when a
            // Secret Service answers -- CTest runs this test in a private gnome-keyring session -- else
            // memory), then a "restart" that signs in silently with the stored refresh token (the
            // refresh_token grant; the authority rotates it). The app reaches the authority through a
            // forwarder that records every request, so the authorization code, the PKCE verifier, the
            // device code and each refresh token sent are searched for too.
            RecordingForwarder authority;
            QVERIFY(authority.start(quint16(sim.baseUrl().port())));
            const QList<QByteArray> &sent = authority.requests;
            const QString service = QStringLiteral("IngestWatch audit ") + QUuid::createUuid().toString();
            KeychainSecretStore keychainOnly(service);
            FallbackSecretStore keychain(new KeychainSecretStore(service, this));
            ConnectionProfile base;
            base.clusterUrl = sim.baseUrl();
            base.tenantId = QStringLiteral("t");
            base.clientId = clientId;
            base.authorityUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(authority.port()));

            ConnectionProfile browser = base;
            browser.name = QStringLiteral("audit browser");
            browser.signIn = SignInMethod::Browser;
            {
                ProfileTokenProvider tokens(browser, &pipeline, &keychain);
                QSignalSpy opened(&tokens, &ProfileTokenProvider::browserSignInStarted);
                std::optional<Result<QString>> token;
                tokens.token(this, [&token](Result<QString> r) { token = std::move(r); });
                QVERIFY(opened.wait(10000));
                // The browser goes to the authority directly (the proxy records what the app sends).
                QUrl authorize = opened.at(0).at(0).toUrl();
                authorize.setPort(sim.baseUrl().port());
                QUrl landed;
                const QByteArray page = browse(authorize, &landed);
                QVERIFY2(page.contains("Signed in"), page.constData());
                addSecret(QStringLiteral("authorization code (redirect)"),
                          QUrlQuery(landed).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded));
                QVERIFY(waitFor([&] { return token.has_value(); }));
                QVERIFY2(*token, qPrintable(*token ? QString() : token->error().toString()));
                addSecret(QStringLiteral("browser access token"), token->value());
                QVERIFY(runOperations(&tokens, true));
            }
            const QString browserKey = browser.secretKey(ConnectionProfile::kRefreshToken);
            QTRY_VERIFY_WITH_TIMEOUT(readSecret(keychain, browserKey).ok(), 10000);
            const QString browserRefresh = readSecret(keychain, browserKey).value();
            addSecret(QStringLiteral("browser refresh token"), browserRefresh);
            {
                ProfileTokenProvider again(browser, &pipeline, &keychain);
                QSignalSpy opened(&again, &ProfileTokenProvider::browserSignInStarted);
                std::optional<Result<QString>> token;
                again.token(this, [&token](Result<QString> r) { token = std::move(r); });
                QVERIFY(waitFor([&] { return token.has_value(); }));
                QVERIFY2(*token, qPrintable(*token ? QString() : token->error().toString()));
                QCOMPARE(opened.size(), 0); // silent: the refresh token did it
                addSecret(QStringLiteral("browser access token (refreshed)"), token->value());
                QVERIFY(runOperations(&again, true));
            }
            const auto storedOr = [&](const QString &key, const QString &fallback) {
                const Result<QString> r = readSecret(keychain, key);
                return r.ok() ? r.value() : fallback;
            };
            QTRY_VERIFY_WITH_TIMEOUT(storedOr(browserKey, browserRefresh) != browserRefresh, 10000);
            addSecret(QStringLiteral("browser refresh token (rotated)"),
                      readSecret(keychain, browserKey).value());

            ConnectionProfile device = base;
            device.name = QStringLiteral("audit device code");
            device.signIn = SignInMethod::DeviceCode;
            for (const bool restart : { false, true }) {
                ProfileTokenProvider tokens(device, &pipeline, &keychain);
                QSignalSpy ready(&tokens, &ProfileTokenProvider::deviceCodeReady);
                connect(&tokens, &ProfileTokenProvider::deviceCodeReady, this,
                        [&sim](const QString &userCode) { sim.tokens().approveUserCode(userCode); });
                std::optional<Result<QString>> token;
                tokens.token(this, [&token](Result<QString> r) { token = std::move(r); });
                QVERIFY(waitFor([&] { return token.has_value(); }, 60000));
                QVERIFY2(*token, qPrintable(*token ? QString() : token->error().toString()));
                QCOMPARE(ready.size(), restart ? 0 : 1);
                addSecret(restart ? QStringLiteral("device code access token (refreshed)")
                                  : QStringLiteral("device code access token (profile)"),
                          token->value());
                QVERIFY(runOperations(&tokens, true));
                const QString key = device.secretKey(ConnectionProfile::kRefreshToken);
                QTRY_VERIFY_WITH_TIMEOUT(readSecret(keychain, key).ok(), 10000);
                addSecret(restart ? QStringLiteral("device code refresh token (rotated)")
                                  : QStringLiteral("device code refresh token (keychain)"),
                          readSecret(keychain, key).value());
            }

            // What went to the authority: form fields that are secrets.
            int n = 0;
            for (const QByteArray &request : std::as_const(sent)) {
                const qsizetype head = request.indexOf("\r\n\r\n");
                const QUrlQuery form(QString::fromLatin1(request.mid(head < 0 ? request.size() : head + 4)));
                for (const char *field : { "code_verifier", "code", "device_code", "refresh_token" }) {
                    const QString v = form.queryItemValue(QLatin1String(field), QUrl::FullyDecoded);
                    addSecret(
                        QStringLiteral("%1 sent to the authority (#%2)").arg(QLatin1String(field)).arg(++n),
                        v);
                }
            }
            const QStringList kinds = m_secrets.keys();
            for (const char *field : { "code_verifier", "device_code", "refresh_token" })
                QVERIFY2(!kinds.filter(QLatin1String(field) + QLatin1String(" sent")).isEmpty(), field);
            QVERIFY(!kinds.filter(QStringLiteral("code sent")).isEmpty());

            // The refresh tokens are where they belong: in the keychain itself (when one answers).
            if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
                const Result<QString> stored = readSecret(keychainOnly, browserKey);
                QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().toString()));
                QCOMPARE(stored.value(), readSecret(keychain, browserKey).value());
            } else {
                qInfo("secret audit: no Secret Service (D-Bus session), the refresh tokens went to memory");
            }
            for (const QString &key : { browserKey, device.secretKey(ConnectionProfile::kRefreshToken) })
                (void)answer<Status>([&](auto cb) { keychain.remove(key, cb); });
        }
        {
            // The command line (`ingestwatch ops ID --json`, in process): a service principal profile whose
            // secret it reads from the keychain, or from INGESTWATCH_CLIENT_SECRET without one; its stdout
            // and stderr are artifacts.
            auto settings = std::make_unique<QSettings>();
            ProfileStore store(std::move(settings));
            ConnectionProfile p = ProfileStore::localProfile(sim.baseUrl());
            p.name = QStringLiteral("audit cli");
            p.tenantId = QStringLiteral("t");
            p.clientId = clientId;
            p.authorityUrl = sim.baseUrl();
            p.signIn = SignInMethod::ServicePrincipal;
            store.save(p);
            store.sync();
            const bool keyring = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
            KeychainSecretStore appKeychain(QStringLiteral("IngestWatch"));
            if (keyring) {
                const auto w = answer<Status>([&](auto cb) {
                    appKeychain.write(p.secretKey(ConnectionProfile::kClientSecret), clientSecret, cb);
                });
                QVERIFY(w && *w);
            } else {
                qputenv("INGESTWATCH_CLIENT_SECRET", clientSecret.toUtf8());
            }
            const QString outPath = m_dir.filePath(QStringLiteral("cli-stdout.txt"));
            std::fflush(stdout);
            const int savedStdout = ::dup(1);
            const int fd = ::open(QFile::encodeName(outPath).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            QVERIFY(fd >= 0);
            ::dup2(fd, 1);
            ::close(fd);
            QList<int> codes;
            const QString cliArchive = m_dir.filePath(QStringLiteral("cli-archive.sqlite"));
            for (const QStringList &command :
                 { QStringList { QStringLiteral("track"), opId },
                   QStringList { QStringLiteral("ops"), opId, QStringLiteral("--json") } }) {
                CliApp cli;
                codes << cli.run(QStringList { QStringLiteral("ingestwatch") } + command
                                 + QStringList { QStringLiteral("--profile"), p.name,
                                                 QStringLiteral("--archive"), cliArchive,
                                                 QStringLiteral("--timeout"), QStringLiteral("60") });
            }
            std::fflush(stdout);
            ::dup2(savedStdout, 1);
            ::close(savedStdout);
            qunsetenv("INGESTWATCH_CLIENT_SECRET");
            if (keyring)
                (void)answer<Status>(
                    [&](auto cb) { appKeychain.remove(p.secretKey(ConnectionProfile::kClientSecret), cb); });
            QFile out(outPath);
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray printed = out.readAll();
            QVERIFY2(codes == QList<int>({ 0, 0 }) && printed.contains(opId.toUtf8()),
                     qPrintable(QStringLiteral("exit %1 %2: %3")
                                    .arg(codes.value(0))
                                    .arg(codes.value(1))
                                    .arg(QString::fromUtf8(printed))));
        }
        {
            // A test double of the external `az` program: prints a distinctive token as the CLI does.
            const QString azToken = distinct("az-access-token");
            addSecret(QStringLiteral("Azure CLI access token"), azToken);
            const QString bin = m_dir.filePath(QStringLiteral("bin"));
            QVERIFY(QDir().mkpath(bin));
            QFile az(bin + QStringLiteral("/az"));
            QVERIFY(az.open(QIODevice::WriteOnly));
            const qint64 expires = QDateTime::currentSecsSinceEpoch() + 3600;
            az.write(
                QStringLiteral("#!/bin/sh\n# test double of the Azure CLI (az account get-access-token)\n"
                               "echo '{\"accessToken\": \"%1\", \"expiresOn\": \"%2\", \"expires_on\": %3, "
                               "\"tokenType\": \"Bearer\", \"subscription\": \"s\", \"tenant\": \"t\"}'\n")
                    .arg(azToken,
                         QDateTime::fromSecsSinceEpoch(expires).toString(
                             QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000")))
                    .arg(expires)
                    .toUtf8());
            az.close();
            az.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            const QByteArray oldPath = qgetenv("PATH");
            qputenv("PATH", QFile::encodeName(bin) + ':' + oldPath);
            AzureCliTokenProvider cli(QStringLiteral("https://kusto.kusto.windows.net"));
            std::optional<Result<QString>> token;
            cli.token(this, [&token](Result<QString> r) { token = std::move(r); });
            QVERIFY(waitFor([&] { return token.has_value(); }));
            QVERIFY2(*token, qPrintable(*token ? QString() : token->error().toString()));
            QCOMPARE(token->value(), azToken);
            // The simulator does not know this token: the 401 (and the re-acquire) must not print it.
            QVERIFY(runOperations(&cli, false));
            qputenv("PATH", oldPath);
        }

        // --- exports and settings
        // ----------------------------------------------------------------------------
        {
            QList<int> all;
            for (int i = 0; i < notifications.rowCount(); ++i)
                all << i;
            ViewCsvExport view(CsvExportSpec::notifications(&notifications, all, true),
                               m_dir.filePath(QStringLiteral("notifications.csv")));
            QSignalSpy done(&view, &ViewCsvExport::finished);
            view.start();
            QVERIFY(done.wait(30000));
            QVERIFY(done.last().at(0).toBool());
            QList<int> statusRows;
            for (int i = 0; i < statuses.rowCount(); ++i)
                statusRows << i;
            ViewCsvExport statusView(CsvExportSpec::statuses(&statuses, statusRows, true),
                                     m_dir.filePath(QStringLiteral("statuses.csv")));
            QSignalSpy statusDone(&statusView, &ViewCsvExport::finished);
            statusView.start();
            QVERIFY(statusDone.wait(30000));
            QVERIFY(statusDone.last().at(0).toBool());
        }
        // The archive's own export, once everything above is committed.
        QVERIFY(writer.submitAndWait(ArchiveBatch {}, 30000));
        {
            auto opened = ArchiveOpener::open(archiveConfig);
            QVERIFY(opened);
            QVERIFY(opened->archive);
            auto n = ArchiveCsvExporter::exportNotifications(
                *opened->archive, NotificationQuery {}, m_dir.filePath(QStringLiteral("archive-export.csv")));
            QVERIFY2(n, qPrintable(n ? QString() : n.error().toString()));
            QVERIFY(n.value() >= 6);
        }
        {
            // The profile as an operator saves it, SAS URLs pasted into the manual queue list.
            auto settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                        QSettings::IniFormat);
            ProfileStore store(std::move(settings));
            ConnectionProfile p = ProfileStore::localProfile(sim.baseUrl());
            p.name = QStringLiteral("audit");
            p.tenantId = QStringLiteral("t");
            p.clientId = clientId;
            p.signIn = SignInMethod::ServicePrincipal;
            p.manualQueueUrls = { endpoint(m_azurite->queuePort()) + QLatin1Char('/') + kFailed
                                  + QLatin1Char('?') + failedSas };
            store.save(p);
            store.setActiveProfileName(p.name);
            store.sync();
        }
        std::fflush(stderr);

        // --- the search
        // ----------------------------------------------------------------------------------------
        QMap<QString, QByteArray> artifacts;
        for (const QString &f :
             { QStringLiteral("settings.ini"), QStringLiteral("notifications.csv"),
               QStringLiteral("statuses.csv"), QStringLiteral("archive-export.csv"),
               QStringLiteral("archive.sqlite"), QStringLiteral("archive.sqlite-wal"),
               QStringLiteral("stderr.txt"), QStringLiteral("cli-stdout.txt"),
               QStringLiteral("cli-archive.sqlite"), QStringLiteral("cli-archive.sqlite-wal") }) {
            QFile file(m_dir.filePath(f));
            if (file.open(QIODevice::ReadOnly))
                artifacts.insert(f, file.readAll());
        }
        QVERIFY(artifacts.contains(QStringLiteral("settings.ini")));
        QVERIFY(artifacts.contains(QStringLiteral("archive.sqlite")));
        QVERIFY(artifacts.contains(QStringLiteral("cli-stdout.txt")));
        QVERIFY(artifacts.contains(QStringLiteral("cli-archive.sqlite")));
        // The SAS-carrying URLs did reach every kind of artifact (redacted): the search looks where they are.
        for (const QString &f : { QStringLiteral("notifications.csv"), QStringLiteral("statuses.csv"),
                                  QStringLiteral("archive-export.csv") })
            QVERIFY2(artifacts.value(f).contains("landing/part-1.csv"), qPrintable(f));
        const QByteArray archiveBytes = artifacts.value(QStringLiteral("archive.sqlite"))
            + artifacts.value(QStringLiteral("archive.sqlite-wal"));
        QVERIFY(archiveBytes.contains("landing/part-1.csv"));
        QVERIFY(artifacts.value(QStringLiteral("settings.ini")).contains(kFailed.toUtf8()));
        {
            QMutexLocker lock(&g_logMutex);
            artifacts.insert(QStringLiteral("log"), g_log.join(QLatin1Char('\n')).toUtf8());
        }
        QVERIFY(!artifacts.value(QStringLiteral("log")).isEmpty());
        QStringList hits;
        for (auto s = m_secrets.cbegin(); s != m_secrets.cend(); ++s) {
            const QByteArray needle = s.value().toUtf8();
            for (auto a = artifacts.cbegin(); a != artifacts.cend(); ++a) {
                if (a.value().contains(needle))
                    hits << QStringLiteral("%1 in %2").arg(s.key(), a.key());
            }
        }
        std::fflush(stderr);
        const QByteArray report
            = QStringLiteral("secret audit: %1 secrets x %2 artifacts (%3 bytes), %4 hit(s)%5\n")
                  .arg(m_secrets.size())
                  .arg(artifacts.size())
                  .arg([&] {
                      qint64 n = 0;
                      for (const QByteArray &b : artifacts)
                          n += b.size();
                      return n;
                  }())
                  .arg(hits.size())
                  .arg(hits.isEmpty() ? QString()
                                      : QStringLiteral(":\n  ") + hits.join(QStringLiteral("\n  ")))
                  .toUtf8();
        if (m_savedStderr >= 0)
            (void)::write(m_savedStderr, report.constData(), size_t(report.size()));
        QVERIFY2(hits.isEmpty(), report.constData());
    }
};

QTEST_MAIN(TestSecretAudit)
#include "TestSecretAudit.moc"
