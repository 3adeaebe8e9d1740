#include "monitor/Session.h"

#include "azure/HttpPipeline.h"
#include "azure/KustoClient.h"
#include "azure/TokenProvider.h"
#include "models/FailureGroupModel.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"
#include "models/OperationModel.h"
#include "monitor/KustoOperationBackend.h"
#include "monitor/NotificationMonitor.h"
#include "monitor/OperationBackend.h"
#include "monitor/OperationMonitor.h"
#include "monitor/ProfileStore.h"
#include "monitor/ProfileTokenProvider.h"
#include "monitor/SecretStore.h"
#include "monitor/StatusMonitor.h"
#include "store/ArchiveOpener.h"
#include "store/ArchiveReader.h"
#include "store/ArchiveWriter.h"

#include <QFile>
#include <QMap>
#include <QTimer>

#include <algorithm>

namespace iw {

Session::Session(const ConnectionProfile &profile, Options options, QObject *parent)
    : QObject(parent), m_profile(profile)
{
    build(std::move(options));
}

Session::Session(const ConnectionProfile &profile, QObject *parent) : Session(profile, Options {}, parent) { }

Session::~Session()
{
    // Monitors first (they hold raw pointers to the archive), then the archive commits and closes.
    delete m_operationMonitor;
    m_operationMonitor = nullptr;
    delete m_notificationMonitor;
    m_notificationMonitor = nullptr;
    delete m_statusMonitor;
    m_statusMonitor = nullptr;
}

void Session::build(Options options)
{
    m_secrets = options.secrets;
    m_pipeline = new HttpPipeline(this);
    m_pipeline->setAllowInsecureHttp(isLoopbackHost(m_profile.ingestEndpoint().host()));
    m_backend = options.backend ? std::move(options.backend) : createBackend(options, &m_backendNotice);

    const QString path
        = options.archivePath.isEmpty() ? ArchiveConfig::defaultPath(m_profile.name) : options.archivePath;
    m_archiveConfig = ArchiveConfig::sqlite(m_profile.name, path);
    auto opened = ArchiveOpener::open(m_archiveConfig);
    if (opened) {
        m_archiveConfig = opened->config;
        m_archiveNotice = opened->notice;
        opened.value().archive.reset(); // the writer and reader open their own connections
        m_writer = std::make_unique<ArchiveWriter>(m_archiveConfig);
        m_reader = std::make_unique<ArchiveReader>(m_archiveConfig);
    } else {
        m_archiveNotice = tr("The archive cannot be opened (%1): nothing is saved in this session.")
                              .arg(opened.error().toString());
    }

    m_operationModel = new OperationModel(this);
    m_operationMonitor
        = new OperationMonitor(m_operationModel, m_backend.get(), m_writer.get(), m_reader.get(), this);
    m_operationMonitor->setInterval(options.intervalSecs);
    const QString operations = tr("Operations");
    connect(
        m_operationMonitor, &OperationMonitor::refreshed, this,
        [this, operations](const QDateTime &when, bool ok) { Q_EMIT sourceRefreshed(operations, when, ok); });
    connect(m_operationMonitor, &OperationMonitor::errorOccurred, this,
            [this, operations](const Error &e, const QString &context) {
                Q_EMIT errorOccurred(operations, e, context);
            });
    connect(m_operationMonitor, &OperationMonitor::requestCountChanged, this,
            [this] { Q_EMIT requestCountChanged(requestCount()); });
    connect(m_pipeline, &HttpPipeline::requestSent, this,
            [this] { Q_EMIT requestCountChanged(requestCount()); });
    buildStorageMonitors(options.intervalSecs);
}

quint64 Session::requestCount() const
{
    // The backend may use its own pipeline (tests, the simulator in process): count whichever saw more.
    return std::max<quint64>(m_pipeline->requestsSent(), m_operationMonitor->requestCount());
}

void Session::start()
{
    m_operationMonitor->load();
    m_notificationMonitor->loadHistory();
    if (m_profile.storage == StorageSource::Manual)
        applyManualStorage();
    else
        discoverStorage();
}

void Session::cancelSignIn()
{
    if (auto *p = qobject_cast<ProfileTokenProvider *>(m_tokens))
        p->cancelSignIn();
}

void Session::refreshAll()
{
    m_operationMonitor->refresh();
    m_statusMonitor->refresh();
    m_notificationMonitor->refresh();
}

void Session::setInterval(int seconds)
{
    m_operationMonitor->setInterval(seconds);
    m_statusMonitor->setInterval(seconds);
    m_notificationMonitor->setInterval(seconds);
}

int Session::interval() const
{
    return m_operationMonitor->interval();
}

void Session::operationHistory(const QDateTime &from,
                               std::function<void(const Result<QList<OperationSnapshot>> &)> done)
{
    if (!m_reader) {
        done(QList<OperationSnapshot>());
        return;
    }
    SnapshotQuery q;
    q.from = from;
    q.operationIds = m_operationMonitor->trackedIds();
    if (q.operationIds.isEmpty()) {
        done(QList<OperationSnapshot>());
        return;
    }
    m_reader->snapshots(q, std::move(done));
}

void Session::failuresByErrorCode(const QDateTime &from,
                                  std::function<void(const Result<QList<QPair<QString, int>>> &)> done)
{
    if (!m_reader) {
        done(QList<QPair<QString, int>>());
        return;
    }
    using Counts = QList<QPair<QString, int>>;
    m_reader->run<Counts>(
        [from](Archive &archive) -> Result<Counts> {
            NotificationQuery q;
            q.kind = IngestionNotification::Kind::Failure;
            q.from = from;
            QMap<QString, int> counts;
            auto r = archive.forEachNotification(q, [&counts](const NotificationRecord &n) {
                ++counts[n.notification.errorCode];
                return true;
            });
            if (!r)
                return r.error();
            Counts out;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                out << qMakePair(it.key(), it.value());
            return out;
        },
        std::move(done));
}

std::unique_ptr<OperationBackend> Session::createBackend(const Options &options, QString *notice)
{
    const QUrl endpoint = m_profile.ingestEndpoint();
    if (!options.staticToken.isEmpty()) {
        m_tokens = new StaticTokenProvider(options.staticToken, this);
    } else if (options.tokenEndpoint.isValid() && !options.tokenEndpoint.isEmpty()) {
        QUrl scope = endpoint;
        scope.setPath(QStringLiteral("/.default"));
        m_tokens = new ClientCredentialsTokenProvider(m_pipeline, options.tokenEndpoint, m_profile.clientId,
                                                      options.clientSecret.isEmpty() ? QStringLiteral("local")
                                                                                     : options.clientSecret,
                                                      scope.toString(QUrl::RemoveQuery), this);
    } else if (m_profile.signIn != SignInMethod::None) {
        auto *tokens = new ProfileTokenProvider(m_profile, m_pipeline, options.secrets, this);
        if (!options.azureCliProgram.isEmpty())
            tokens->setAzureCliProgram(options.azureCliProgram);
        connect(tokens, &ProfileTokenProvider::deviceCodeReady, this, &Session::deviceCodeReady);
        connect(tokens, &ProfileTokenProvider::browserSignInStarted, this, &Session::browserSignInStarted);
        connect(tokens, &ProfileTokenProvider::signInFinished, this, &Session::signInFinished);
        m_tokens = tokens;
    } else {
        if (notice)
            *notice = tr("Profile %1 has no sign-in method: operations are read from the archive only.")
                          .arg(m_profile.name);
        return nullptr;
    }
    m_kusto = new KustoClient(m_pipeline, endpoint, m_tokens, this);
    return std::make_unique<KustoOperationBackend>(m_kusto, m_pipeline);
}

QHash<QString, QString> Session::readKeyValueFile(const QString &path, QString *error)
{
    QHash<QString, QString> values;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return values;
    }
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
            && value.endsWith(value.front()))
            value = value.mid(1, value.size() - 2);
        QString key = line.left(eq).trimmed();
        if (key.startsWith(QLatin1String("export ")))
            key = key.mid(7).trimmed();
        values.insert(key, value);
    }
    return values;
}

Result<QPair<ConnectionProfile, Session::Options>> Session::localBackend(const QString &path)
{
    QString error;
    const QHash<QString, QString> values = readKeyValueFile(path, &error);
    if (!error.isEmpty())
        return Error::make(Error::Kind::Io, error);
    const QUrl url = ingestUrlFromBackendFile(values);
    if (!url.isValid() || url.isEmpty())
        return Error::make(Error::Kind::Usage, tr("%1 names no ingest endpoint URL.").arg(path));
    Options options;
    options.tokenEndpoint = QUrl(values.value(QStringLiteral("INGESTWATCH_TOKEN_ENDPOINT")));
    if (options.tokenEndpoint.isEmpty())
        options.staticToken = values.value(QStringLiteral("INGESTWATCH_SIM_TOKEN"));
    return qMakePair(ProfileStore::localProfile(url), std::move(options));
}

QUrl Session::ingestUrlFromBackendFile(const QHash<QString, QString> &values)
{
    for (const char *key : { "INGESTWATCH_CLUSTER_URL", "INGESTWATCH_SIM_URL" }) {
        const QString v = values.value(QLatin1String(key));
        if (!v.isEmpty())
            return QUrl(v);
    }
    return {};
}

} // namespace iw

namespace iw {

void Session::buildStorageMonitors(int intervalSecs)
{
    m_statusModel = new IngestionStatusModel(this);
    m_statusMonitor = new StatusMonitor(m_statusModel, m_pipeline, this);
    m_statusMonitor->setInterval(intervalSecs);
    m_notificationModel = new NotificationModel(this);
    m_failureGroups = new FailureGroupModel(this);
    m_notificationMonitor = new NotificationMonitor(m_notificationModel, m_failureGroups, m_pipeline,
                                                    m_writer.get(), m_reader.get(), this);
    m_notificationMonitor->setInterval(intervalSecs);
    const QString statuses = tr("Statuses");
    const QString notifications = tr("Notifications");
    auto onError = [this](const QString &source) {
        return [this, source](const Error &e, const QString &context) {
            Q_EMIT errorOccurred(source, e, context);
            // The SAS may have rotated: ask for fresh ones (discovered storage only).
            if (e.kind == Error::Kind::Auth && m_profile.storage == StorageSource::Discovered)
                discoverStorage();
        };
    };
    connect(m_statusMonitor, &StatusMonitor::refreshed, this,
            [this, statuses](const QDateTime &when, bool ok) { Q_EMIT sourceRefreshed(statuses, when, ok); });
    connect(m_statusMonitor, &StatusMonitor::errorOccurred, this, onError(statuses));
    connect(m_notificationMonitor, &NotificationMonitor::refreshed, this,
            [this, notifications](const QDateTime &when, bool ok) {
                Q_EMIT sourceRefreshed(notifications, when, ok);
            });
    connect(m_notificationMonitor, &NotificationMonitor::errorOccurred, this, onError(notifications));
    // The SAS URIs of `.get ingestion resources` rotate: read them again every hour.
    m_discoveryTimer = new QTimer(this);
    m_discoveryTimer->setInterval(3600 * 1000);
    connect(m_discoveryTimer, &QTimer::timeout, this, &Session::discoverStorage);
}

void Session::applyManualStorage()
{
    const QString statuses = tr("Statuses");
    const QString notifications = tr("Notifications");
    auto reportMissing = [this](const QString &source, const QString &what, const Error &e) {
        Error err = e;
        err.message = tr("The %1 of profile %2 cannot be read from the keychain (%3): enter it in Connections.")
                          .arg(what, m_profile.name, e.message);
        Q_EMIT errorOccurred(source, err, tr("Manual storage"));
    };
    if (!m_secrets) {
        Q_EMIT errorOccurred(statuses,
                             Error::make(Error::Kind::Auth, tr("No secret store: the storage secrets cannot be read.")),
                             tr("Manual storage"));
        return;
    }
    QPointer<Session> self(this);
    if (m_profile.manualKind == ManualStorageKind::ConnectionString) {
        m_secrets->read(m_profile.secretKey(ConnectionProfile::kStorageConnectionString),
                        [self, statuses, notifications, reportMissing](Result<QString> cs) {
                            if (!self)
                                return;
                            if (!cs) {
                                reportMissing(statuses, tr("storage connection string"), cs.error());
                                return;
                            }
                            const ConnectionProfile &p = self->m_profile;
                            if (!p.manualTableName.isEmpty()) {
                                auto s = self->m_statusMonitor->setTableFromConnectionString(cs.value(),
                                                                                          p.manualTableName);
                                if (!s)
                                    Q_EMIT self->errorOccurred(statuses, s.error(), tr("The status table"));
                                else
                                    self->m_statusMonitor->refresh();
                            }
                            if (!p.manualFailedQueueNames.isEmpty() || !p.manualSuccessQueueNames.isEmpty()) {
                                auto s = self->m_notificationMonitor->setQueuesFromConnectionString(
                                    cs.value(), p.manualFailedQueueNames, p.manualSuccessQueueNames);
                                if (!s)
                                    Q_EMIT self->errorOccurred(notifications, s.error(), tr("The report queues"));
                                else
                                    self->m_notificationMonitor->refresh();
                            }
                        });
        return;
    }
    // SAS URLs: each resource's SAS token is its own secret; the URL without it is in the profile.
    struct Pending
    {
        QString table;
        QStringList failed;
        QStringList succeeded;
        int left = 0;
    };
    auto pending = std::make_shared<Pending>();
    auto withSas = [](const QUrl &bare, const QString &sas) {
        QUrl u = bare;
        QString q = sas;
        if (q.startsWith(QLatin1Char('?')))
            q.remove(0, 1);
        if (!q.isEmpty())
            u.setQuery(q, QUrl::TolerantMode);
        return u.toString(QUrl::FullyEncoded);
    };
    auto finish = [self, pending, statuses, notifications] {
        if (!self || --pending->left > 0)
            return;
        if (!pending->table.isEmpty()) {
            auto s = self->m_statusMonitor->setTableUri(pending->table);
            if (!s)
                Q_EMIT self->errorOccurred(statuses, s.error(), tr("The status table URI"));
            else
                self->m_statusMonitor->refresh();
        }
        if (!pending->failed.isEmpty() || !pending->succeeded.isEmpty()) {
            auto s = self->m_notificationMonitor->setQueueUris(pending->failed, pending->succeeded);
            if (!s)
                Q_EMIT self->errorOccurred(notifications, s.error(), tr("The report queue URIs"));
            else
                self->m_notificationMonitor->refresh();
        }
    };
    QList<std::pair<QUrl, QString *>> wanted;
    QStringList failedUrls = m_profile.manualQueueUrls;
    QStringList successUrls = m_profile.manualSuccessQueueUrls;
    pending->failed.resize(failedUrls.size());
    pending->succeeded.resize(successUrls.size());
    if (!m_profile.manualStatusTableUrl.isEmpty())
        wanted.append({ m_profile.manualStatusTableUrl, &pending->table });
    for (qsizetype i = 0; i < failedUrls.size(); ++i)
        wanted.append({ QUrl(failedUrls.at(i)), &pending->failed[i] });
    for (qsizetype i = 0; i < successUrls.size(); ++i)
        wanted.append({ QUrl(successUrls.at(i)), &pending->succeeded[i] });
    pending->left = int(wanted.size()) + 1;
    for (const auto &[url, slot] : wanted) {
        const QUrl bare = withoutSecrets(url);
        m_secrets->read(m_profile.secretKey(ConnectionProfile::sasKey(bare)),
                        [bare, slot, withSas, finish, pending](Result<QString> sas) {
                            // No SAS stored: the URL as given (public or Azurite); a 403 will say so.
                            *slot = withSas(bare, sas.ok() ? sas.value() : QString());
                            finish();
                        });
    }
    finish();
}

void Session::discoverStorage()
{
    if (m_profile.storage == StorageSource::Manual) {
        applyManualStorage();
        return;
    }
    if (!m_kusto || m_discovering)
        return;
    m_discovering = true;
    m_discoveryTimer->start();
    m_kusto->getIngestionResources(this, [this](Result<QList<IngestionResource>> r) {
        m_discovering = false;
        if (!r) {
            Q_EMIT errorOccurred(tr("Statuses"), r.error(), tr("Reading .get ingestion resources"));
            return;
        }
        const QStringList tables = storageRootsOf(r.value(), u"IngestionsStatusTable");
        if (!tables.isEmpty()) {
            // The same URI again is a no-op; a rotated SAS for the same table keeps the rows.
            auto s = m_statusMonitor->setTableUri(tables.first());
            if (!s)
                Q_EMIT errorOccurred(tr("Statuses"), s.error(), tr("The status table URI"));
            else
                m_statusMonitor->refresh();
        }
        const QStringList failed = storageRootsOf(r.value(), u"FailedIngestionsQueue");
        const QStringList succeeded = storageRootsOf(r.value(), u"SuccessfulIngestionsQueue");
        if (!failed.isEmpty() || !succeeded.isEmpty()) {
            auto s = m_notificationMonitor->setQueueUris(failed, succeeded); // no-op when unchanged
            if (!s)
                Q_EMIT errorOccurred(tr("Notifications"), s.error(), tr("The report queue URIs"));
            else
                m_notificationMonitor->refresh();
        }
    });
}

} // namespace iw
