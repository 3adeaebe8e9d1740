#pragma once

#include "core/ConnectionProfile.h"
#include "core/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>

namespace iw {

class HttpPipeline;
class KustoClient;
class ProfileTokenProvider;
class SecretStore;

// One endpoint the Test button checks, and what came of it.
struct EndpointCheck
{
    enum class State { Pending, Ok, Failed, Skipped };
    QString name; // "Management", "Status table", "Failure queue failedingestions", ...
    QString target; // where (URL without SAS)
    State state = State::Pending;
    QString detail; // OK: what answered; Failed: the reason (DNS, TLS, 401, 403, 404, timeout, ...)
};

// Checks each endpoint of a profile, asynchronously, widget-free: the ingest endpoint's management API
// (`.get ingestion resources`, signed in with the profile's method), the status table ($top=1, one page)
// and each report queue (peek 1). Storage comes from the management answer (Discovered) or from the profile
// and its secrets (Manual). Every check has its own result: one failing endpoint does not hide the others.
// Requests are tried once (no retry) with a short timeout, so the operator gets an answer quickly.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    ConnectionTester(ConnectionProfile profile, SecretStore *secrets, QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Per request (default 15 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // The sign-in used for the management check (device code / browser signals come from here).
    ProfileTokenProvider *tokenProvider() const { return m_tokens; }
    void setAzureCliProgram(const QString &program);

    void start();
    void cancel(); // pending checks end as Failed "cancelled"; finished() is emitted
    bool isRunning() const { return m_running; }
    QList<EndpointCheck> results() const { return m_checks; }

    // One short reason for the operator: "DNS: host not found", "TLS: ...", "401 Unauthorized: ...",
    // "403 Forbidden: ...", "404 Not found: ...", "Timeout: ...", "Unreachable: connection refused", ...
    static QString reasonFor(const Error &e);
    static QString toString(EndpointCheck::State s);

Q_SIGNALS:
    void checkAdded(int index, const iw::EndpointCheck &check);
    void checkUpdated(int index, const iw::EndpointCheck &check);
    void finished(bool allOk);

private:
    int add(const QString &name, const QString &target);
    void update(int index, EndpointCheck::State state, const QString &detail);
    void checkStorage(const QString &tableUri, const QStringList &failedQueueUris,
                      const QStringList &successQueueUris);
    void checkStorageFromConnectionString(const QString &connectionString);
    void checkTable(int index, const class StorageServiceConfig &config, const QString &table);
    void checkQueue(int index, const class StorageServiceConfig &config, const QString &queue);
    void checkManual();
    void maybeFinish();

    ConnectionProfile m_profile;
    QPointer<SecretStore> m_secrets;
    HttpPipeline *m_pipeline = nullptr;
    ProfileTokenProvider *m_tokens = nullptr;
    KustoClient *m_kusto = nullptr;
    std::chrono::milliseconds m_timeout { 15000 };
    QList<EndpointCheck> m_checks;
    int m_outstanding = 0;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace iw

Q_DECLARE_METATYPE(iw::EndpointCheck)
