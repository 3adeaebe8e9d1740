#pragma once

#include "core/ConnectionProfile.h"
#include "core/Result.h"
#include "store/ArchiveConfig.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>
#include <memory>

class QTimer;

namespace iw {

class ArchiveReader;
class ArchiveWriter;
class HttpPipeline;
class KustoClient;
class TokenProvider;
class ProfileTokenProvider;
class SecretStore;
class OperationBackend;
class OperationModel;
class OperationMonitor;
class IngestionStatusModel;
class StatusMonitor;
class NotificationModel;
class FailureGroupModel;
class NotificationMonitor;
struct OperationSnapshot;

// The object graph of the active profile: the HTTP pipeline, the ingest endpoint backend, the archive
// (one SQLite file per profile under AppDataLocation, written and read off the GUI thread), the models and
// their monitors. The window shows what a Session holds; switching profile = a new Session.
//
// Adding a monitor (statuses, notifications): create it in the constructor from pipeline(), writer(),
// reader() and its model, and call it from refreshAll() / setInterval(). Monitors report with
// sourceRefreshed(source, ...) and errorOccurred(source, ...) so the status bar needs no change.
class Session : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString archivePath; // empty: ArchiveConfig::defaultPath(profile.name)
        // The endpoint's queued-ingestion commands. Null: made for the profile by createBackend().
        std::unique_ptr<OperationBackend> backend;
        int intervalSecs = 15;
        // Sign-in for the ingest endpoint when the profile's own method is not used: a fixed bearer token,
        // or client credentials against tokenEndpoint (the local backend's authority accepts any secret).
        QString staticToken;
        QUrl tokenEndpoint;
        QString clientSecret;
        // Where the profile's secrets are (client secret, refresh token, storage SAS / connection string).
        // Not owned. Null: methods that need a secret say so; device code and browser sign in every start.
        SecretStore *secrets = nullptr;
        // The Azure CLI to run for SignInMethod::AzureCli (default "az" on PATH).
        QString azureCliProgram;
    };

    explicit Session(const ConnectionProfile &profile, Options options, QObject *parent = nullptr);
    explicit Session(const ConnectionProfile &profile, QObject *parent = nullptr);
    ~Session() override;

    const ConnectionProfile &profile() const { return m_profile; }
    HttpPipeline *pipeline() const { return m_pipeline; }
    TokenProvider *tokenProvider() const { return m_tokens; }
    // Stops a device code or browser sign-in in progress (the waiting requests fail as cancelled).
    void cancelSignIn();
    OperationBackend *operationBackend() const { return m_backend.get(); }
    OperationModel *operationModel() const { return m_operationModel; }
    OperationMonitor *operationMonitor() const { return m_operationMonitor; }
    IngestionStatusModel *statusModel() const { return m_statusModel; }
    StatusMonitor *statusMonitor() const { return m_statusMonitor; }
    NotificationModel *notificationModel() const { return m_notificationModel; }
    FailureGroupModel *failureGroupModel() const { return m_failureGroups; }
    NotificationMonitor *notificationMonitor() const { return m_notificationMonitor; }
    // `.get ingestion resources` -> the status table and the report queues (hourly, and after an auth error).
    void discoverStorage();
    ArchiveWriter *writer() const { return m_writer.get(); }
    ArchiveReader *reader() const { return m_reader.get(); }
    QString archivePath() const { return m_archiveConfig.databasePath; }
    // One sentence for the operator when the archive is read-only, fresh or temporary; empty otherwise.
    QString archiveNotice() const { return m_archiveNotice; }
    QString backendNotice() const { return m_backendNotice; }

    // Loads the tracked operations from the archive and starts polling.
    void start();
    void refreshAll(); // F5
    void setInterval(int seconds); // every monitor; 0 = off, else at least the floor
    int interval() const;
    quint64 requestCount() const; // requests put on the wire by this session

    // For the charts: snapshot history since `from`, and failed notifications counted by ErrorCode.
    void operationHistory(const QDateTime &from,
                          std::function<void(const Result<QList<OperationSnapshot>> &)> done);
    void failuresByErrorCode(const QDateTime &from,
                             std::function<void(const Result<QList<QPair<QString, int>>> &)> done);

    // The backend for the profile over pipeline(), or null (with `notice` saying why) when this build cannot
    // sign in to that endpoint yet.
    std::unique_ptr<OperationBackend> createBackend(const Options &options, QString *notice);

    // `scripts/backend` writes KEY=VALUE lines; the ingest endpoint's URL is under one of these keys.
    static QHash<QString, QString> readKeyValueFile(const QString &path, QString *error = nullptr);
    static QUrl ingestUrlFromBackendFile(const QHash<QString, QString> &values);
    // The local backend's profile and sign-in options from that file; an error when it names no endpoint.
    static Result<QPair<ConnectionProfile, Options>> localBackend(const QString &path);

Q_SIGNALS:
    void sourceRefreshed(const QString &source, const QDateTime &when, bool ok);
    void errorOccurred(const QString &source, const iw::Error &error, const QString &context);
    void requestCountChanged(quint64 count);
    // Interactive sign-in (device code, browser): what the GUI shows; signInFinished ends it.
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri, const QString &message,
                         qint64 expiresInSeconds);
    void browserSignInStarted(const QUrl &authorizeUrl);
    void signInFinished(bool ok, const QString &message);

private:
    void build(Options options);

    ConnectionProfile m_profile;
    HttpPipeline *m_pipeline = nullptr;
    TokenProvider *m_tokens = nullptr;
    KustoClient *m_kusto = nullptr;
    std::unique_ptr<OperationBackend> m_backend;
    ArchiveConfig m_archiveConfig;
    std::unique_ptr<ArchiveWriter> m_writer;
    std::unique_ptr<ArchiveReader> m_reader;
    OperationModel *m_operationModel = nullptr;
    OperationMonitor *m_operationMonitor = nullptr;
    IngestionStatusModel *m_statusModel = nullptr;
    StatusMonitor *m_statusMonitor = nullptr;
    NotificationModel *m_notificationModel = nullptr;
    FailureGroupModel *m_failureGroups = nullptr;
    NotificationMonitor *m_notificationMonitor = nullptr;
    QTimer *m_discoveryTimer = nullptr;
    bool m_discovering = false;
    void buildStorageMonitors(int intervalSecs);
    void applyManualStorage();
    QPointer<SecretStore> m_secrets;
    QString m_archiveNotice;
    QString m_backendNotice;
};

} // namespace iw
