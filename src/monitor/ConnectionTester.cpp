#include "monitor/ConnectionTester.h"

#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/QueueClient.h"
#include "azure/StorageCredential.h"
#include "azure/TableClient.h"
#include "core/ConnectionString.h"
#include "core/KustoV1.h"
#include "core/Redaction.h"
#include "core/StorageUri.h"
#include "monitor/ProfileTokenProvider.h"
#include "monitor/SecretStore.h"

#include <QElapsedTimer>
#include <QScopeGuard>

namespace iw {

ConnectionTester::ConnectionTester(ConnectionProfile profile, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_profile(std::move(profile)), m_secrets(secrets)
{
    qRegisterMetaType<iw::EndpointCheck>();
    m_pipeline = new HttpPipeline(this);
    m_pipeline->setRetryPolicy(RetryPolicy::none());
    const QUrl endpoint = m_profile.ingestEndpoint();
    m_pipeline->setAllowInsecureHttp(isLoopbackHost(endpoint.host()));
    m_tokens = new ProfileTokenProvider(m_profile, m_pipeline, secrets, this);
    m_kusto = new KustoClient(m_pipeline, endpoint, m_tokens, this);
}

ConnectionTester::~ConnectionTester()
{
    ++m_generation;
    m_pipeline->cancelAll();
}

void ConnectionTester::setAzureCliProgram(const QString &program)
{
    m_tokens->setAzureCliProgram(program);
}

QString ConnectionTester::toString(EndpointCheck::State s)
{
    switch (s) {
    case EndpointCheck::State::Pending:
        return tr("Checking…");
    case EndpointCheck::State::Ok:
        return tr("OK");
    case EndpointCheck::State::Failed:
        return tr("Failed");
    case EndpointCheck::State::Skipped:
        return tr("Not checked");
    }
    return {};
}

QString ConnectionTester::reasonFor(const Error &e)
{
    const QString msg = redact(e.message);
    const QString lower = msg.toLower();
    switch (e.kind) {
    case Error::Kind::Timeout:
        return tr("Timeout: %1").arg(msg);
    case Error::Kind::Canceled:
        return tr("Cancelled: %1").arg(msg);
    case Error::Kind::Network:
        if (lower.contains(QLatin1String("not found")) && lower.contains(QLatin1String("host")))
            return tr("DNS: host not found (%1)").arg(msg);
        if (lower.contains(QLatin1String("ssl")) || lower.contains(QLatin1String("tls"))
            || lower.contains(QLatin1String("certificate")))
            return tr("TLS: %1").arg(msg);
        if (lower.contains(QLatin1String("refused")))
            return tr("Unreachable: connection refused (%1)").arg(msg);
        return tr("Unreachable: %1").arg(msg);
    default:
        break;
    }
    switch (e.httpStatus) {
    case 401:
        return tr("401 Unauthorized: %1").arg(msg);
    case 403:
        return tr("403 Forbidden: %1").arg(msg);
    case 404:
        return tr("404 Not found: %1").arg(msg);
    default:
        break;
    }
    if (e.httpStatus > 0)
        return tr("HTTP %1: %2").arg(e.httpStatus).arg(msg);
    if (e.kind == Error::Kind::Auth)
        return tr("Sign-in: %1").arg(msg);
    return msg;
}

int ConnectionTester::add(const QString &name, const QString &target)
{
    EndpointCheck c;
    c.name = name;
    c.target = redact(target);
    m_checks.append(c);
    ++m_outstanding;
    const int index = int(m_checks.size()) - 1;
    Q_EMIT checkAdded(index, c);
    return index;
}

void ConnectionTester::update(int index, EndpointCheck::State state, const QString &detail)
{
    if (index < 0 || index >= m_checks.size() || m_checks.at(index).state != EndpointCheck::State::Pending)
        return;
    m_checks[index].state = state;
    m_checks[index].detail = redact(detail);
    --m_outstanding;
    Q_EMIT checkUpdated(index, m_checks.at(index));
    maybeFinish();
}

void ConnectionTester::maybeFinish()
{
    if (!m_running || m_outstanding > 0)
        return;
    m_running = false;
    const bool allOk = std::all_of(m_checks.cbegin(), m_checks.cend(), [](const EndpointCheck &c) {
        return c.state == EndpointCheck::State::Ok;
    });
    Q_EMIT finished(allOk);
}

void ConnectionTester::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_pipeline->cancelAll();
    m_tokens->cancelSignIn();
    for (int i = 0; i < m_checks.size(); ++i) {
        if (m_checks.at(i).state == EndpointCheck::State::Pending)
            update(i, EndpointCheck::State::Failed, tr("Cancelled"));
    }
    m_outstanding = 0; // secret reads still on their way are ignored (new generation)
    maybeFinish();
}

void ConnectionTester::start()
{
    if (m_running)
        return;
    ++m_generation;
    m_checks.clear();
    m_outstanding = 0;
    m_running = true;
    m_kusto->setTimeout(m_timeout);
    const quint64 gen = m_generation;
    const QUrl endpoint = m_profile.ingestEndpoint();
    if (!endpoint.isValid() || endpoint.host().isEmpty()) {
        const int i = add(tr("Management"), m_profile.clusterUrl.toString());
        update(i, EndpointCheck::State::Failed, tr("The endpoint URL is not valid."));
        return;
    }
    if (endpoint.scheme() == QLatin1String("http") && !isLoopbackHost(endpoint.host())) {
        const int i = add(tr("Management"), endpoint.toString());
        update(i, EndpointCheck::State::Failed,
               tr("Plain http is only allowed to this computer (loopback): use https."));
        return;
    }
    const int mgmt = add(tr("Management (.get ingestion resources)"),
                         endpoint.toString() + QStringLiteral("/v1/rest/mgmt"));
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_kusto->getIngestionResources(this, [this, gen, mgmt, timer](Result<QList<IngestionResource>> r) {
        if (gen != m_generation)
            return;
        ++m_outstanding; // held until the storage checks are all added
        const auto release = qScopeGuard([this] {
            --m_outstanding;
            maybeFinish();
        });
        if (!r) {
            update(mgmt, EndpointCheck::State::Failed, reasonFor(r.error()));
            if (m_profile.storage == StorageSource::Manual) {
                checkManual();
            } else {
                const int t = add(tr("Status table"), QString());
                update(t, EndpointCheck::State::Skipped,
                       tr("Not checked: the storage is discovered through the management endpoint."));
            }
            return;
        }
        update(mgmt, EndpointCheck::State::Ok,
               tr("OK: %n resource(s) in %1 ms", nullptr, int(r->size())).arg(timer->elapsed()));
        if (m_profile.storage == StorageSource::Manual) {
            checkManual();
            return;
        }
        const QStringList tables = storageRootsOf(r.value(), u"IngestionsStatusTable");
        checkStorage(tables.value(0), storageRootsOf(r.value(), u"FailedIngestionsQueue"),
                     storageRootsOf(r.value(), u"SuccessfulIngestionsQueue"));
    });
}

void ConnectionTester::checkManual()
{
    const quint64 gen = m_generation;
    if (!m_secrets) {
        const int i = add(tr("Storage"), QString());
        update(i, EndpointCheck::State::Failed, tr("No secret store: the storage secrets cannot be read."));
        return;
    }
    ++m_outstanding; // held while the secrets are read
    if (m_profile.manualKind == ManualStorageKind::ConnectionString) {
        m_secrets->read(m_profile.secretKey(ConnectionProfile::kStorageConnectionString),
                        [this, gen](Result<QString> cs) {
                            if (gen != m_generation)
                                return;
                            --m_outstanding;
                            if (!cs) {
                                const int i = add(tr("Storage"), QString());
                                update(i, EndpointCheck::State::Failed,
                                       tr("No storage connection string stored: %1").arg(cs.error().message));
                                return;
                            }
                            checkStorageFromConnectionString(cs.value());
                            maybeFinish();
                        });
        return;
    }
    // SAS URLs: read each SAS, then check them all.
    struct Pending
    {
        QString table;
        QStringList failed;
        QStringList succeeded;
        int left = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->failed.resize(m_profile.manualQueueUrls.size());
    pending->succeeded.resize(m_profile.manualSuccessQueueUrls.size());
    QList<std::pair<QUrl, QString *>> wanted;
    if (!m_profile.manualStatusTableUrl.isEmpty())
        wanted.append({ m_profile.manualStatusTableUrl, &pending->table });
    for (qsizetype i = 0; i < m_profile.manualQueueUrls.size(); ++i)
        wanted.append({ QUrl(m_profile.manualQueueUrls.at(i)), &pending->failed[i] });
    for (qsizetype i = 0; i < m_profile.manualSuccessQueueUrls.size(); ++i)
        wanted.append({ QUrl(m_profile.manualSuccessQueueUrls.at(i)), &pending->succeeded[i] });
    pending->left = int(wanted.size()) + 1;
    auto finish = [this, gen, pending] {
        if (gen != m_generation || --pending->left > 0)
            return;
        --m_outstanding;
        checkStorage(pending->table, pending->failed, pending->succeeded);
        maybeFinish();
    };
    for (const auto &[url, slot] : wanted) {
        const QUrl bare = withoutSecrets(url);
        QString *out = slot;
        m_secrets->read(m_profile.secretKey(ConnectionProfile::sasKey(bare)),
                        [bare, out, finish](Result<QString> sas) {
                            QUrl u = bare;
                            QString q = sas.ok() ? sas.value() : QString();
                            if (q.startsWith(QLatin1Char('?')))
                                q.remove(0, 1);
                            if (!q.isEmpty())
                                u.setQuery(q, QUrl::TolerantMode);
                            *out = u.toString(QUrl::FullyEncoded);
                            finish();
                        });
    }
    finish();
}

void ConnectionTester::checkStorage(const QString &tableUri, const QStringList &failedQueueUris,
                                    const QStringList &successQueueUris)
{
    ++m_outstanding; // until every check is added
    const auto release = qScopeGuard([this] {
        --m_outstanding;
        maybeFinish();
    });
    if (tableUri.isEmpty()) {
        const int i = add(tr("Status table"), QString());
        update(i, EndpointCheck::State::Failed, tr("No status table: none was returned or configured."));
    } else {
        auto uri = StorageUri::parse(tableUri);
        const int i = add(tr("Status table"), uri ? uri->resourceUrl().toString() : tableUri);
        if (!uri) {
            update(i, EndpointCheck::State::Failed, uri.error().message);
        } else {
            StorageServiceConfig config = StorageServiceConfig::fromStorageUri(uri.value());
            checkTable(i, config, uri->resourceName);
        }
    }
    const auto queues = [this](const QStringList &uris, const QString &label) {
        for (const QString &q : uris) {
            auto uri = StorageUri::parse(q);
            const int i = add(label.arg(uri ? uri->resourceName : QString()),
                              uri ? uri->resourceUrl().toString() : q);
            if (!uri) {
                update(i, EndpointCheck::State::Failed, uri.error().message);
                continue;
            }
            checkQueue(i, StorageServiceConfig::fromStorageUri(uri.value()), uri->resourceName);
        }
    };
    if (failedQueueUris.isEmpty() && successQueueUris.isEmpty()) {
        const int i = add(tr("Report queues"), QString());
        update(i, EndpointCheck::State::Failed, tr("No report queue: none was returned or configured."));
    }
    queues(failedQueueUris, tr("Failure queue %1"));
    queues(successQueueUris, tr("Success queue %1"));
}

void ConnectionTester::checkStorageFromConnectionString(const QString &connectionString)
{
    ++m_outstanding; // until every check is added
    const auto release = qScopeGuard([this] {
        --m_outstanding;
        maybeFinish();
    });
    auto cs = ConnectionString::parse(connectionString);
    if (!cs) {
        const int i = add(tr("Storage"), QString());
        update(i, EndpointCheck::State::Failed,
               tr("The connection string is not valid: %1").arg(cs.error().message));
        return;
    }
    auto table = StorageServiceConfig::tableFromConnectionString(cs.value());
    const int t
        = add(tr("Status table"),
              table ? table->endpoint.toString() + QLatin1Char('/') + m_profile.manualTableName : QString());
    if (!table)
        update(t, EndpointCheck::State::Failed, table.error().message);
    else if (m_profile.manualTableName.isEmpty())
        update(t, EndpointCheck::State::Failed, tr("No status table name is set."));
    else
        checkTable(t, table.value(), m_profile.manualTableName);
    auto queue = StorageServiceConfig::queueFromConnectionString(cs.value());
    const auto queues = [&](const QStringList &names, const QString &label) {
        for (const QString &name : names) {
            const int i = add(label.arg(name),
                              queue ? queue->endpoint.toString() + QLatin1Char('/') + name : QString());
            if (!queue)
                update(i, EndpointCheck::State::Failed, queue.error().message);
            else
                checkQueue(i, queue.value(), name);
        }
    };
    if (m_profile.manualFailedQueueNames.isEmpty() && m_profile.manualSuccessQueueNames.isEmpty()) {
        const int i = add(tr("Report queues"), QString());
        update(i, EndpointCheck::State::Failed, tr("No report queue name is set."));
    }
    queues(m_profile.manualFailedQueueNames, tr("Failure queue %1"));
    queues(m_profile.manualSuccessQueueNames, tr("Success queue %1"));
}

void ConnectionTester::checkTable(int index, const StorageServiceConfig &config, const QString &table)
{
    if (config.endpoint.scheme() == QLatin1String("http") && !isLoopbackHost(config.endpoint.host())) {
        update(index, EndpointCheck::State::Failed, tr("Plain http is only allowed to loopback: use https."));
        return;
    }
    StorageServiceConfig c = config;
    c.timeout = m_timeout;
    auto *client = new TableClient(m_pipeline, c, this);
    TableQuery q;
    q.top = 1;
    q.maxPages = 1;
    const quint64 gen = m_generation;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    client->queryAll(table, q, this, [this, gen, index, client, timer](Result<QList<TableEntity>> r) {
        client->deleteLater();
        if (gen != m_generation)
            return;
        if (!r)
            update(index, EndpointCheck::State::Failed, reasonFor(r.error()));
        else
            update(index, EndpointCheck::State::Ok,
                   tr("OK: read %n row(s) in %1 ms", nullptr, int(r->size())).arg(timer->elapsed()));
    });
}

void ConnectionTester::checkQueue(int index, const StorageServiceConfig &config, const QString &queue)
{
    if (config.endpoint.scheme() == QLatin1String("http") && !isLoopbackHost(config.endpoint.host())) {
        update(index, EndpointCheck::State::Failed, tr("Plain http is only allowed to loopback: use https."));
        return;
    }
    StorageServiceConfig c = config;
    c.timeout = m_timeout;
    auto *client = new QueueClient(m_pipeline, c, this);
    const quint64 gen = m_generation;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    client->peekMessages(queue, 1, this, [this, gen, index, client, timer](Result<QList<QueueMessage>> r) {
        client->deleteLater();
        if (gen != m_generation)
            return;
        if (!r)
            update(index, EndpointCheck::State::Failed, reasonFor(r.error()));
        else
            update(index, EndpointCheck::State::Ok,
                   tr("OK: peeked %n message(s) in %1 ms", nullptr, int(r->size())).arg(timer->elapsed()));
    });
}

} // namespace iw
