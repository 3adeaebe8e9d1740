#pragma once

#include "core/KustoV1.h"
#include "simulator/FaultInjector.h"
#include "simulator/HttpFront.h"
#include "simulator/IngestionEngine.h"
#include "simulator/MgmtService.h"
#include "simulator/TokenIssuer.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace iw {

struct SimulatorOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: a free one
    bool requireAuth = true;
    TokenIssuer::Config tokens;
    FaultConfig faults;
    EngineConfig engine;
    int tickMs = 200; // how often the engine moves on
    QString identityToken = QStringLiteral("sim-identity-token");
};

// ingestwatch-sim's HTTP side: the ingest endpoint (`POST /v1/rest/mgmt`), auth metadata, an OAuth2
// authority (`/{tenant}/oauth2/v2.0/token`, `/{tenant}/oauth2/v2.0/devicecode`, `/devicelogin`), bearer
// checks and fault injection. Owns the engine and moves it on a timer; finished blobs are announced
// with blobsFinished() for the storage side to report.
class SimulatorServer : public QObject
{
    Q_OBJECT
public:
    explicit SimulatorServer(SimulatorOptions options, QObject *parent = nullptr);
    ~SimulatorServer() override;

    quint16 start(); // listens and starts the engine timer; 0 on failure
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    IngestionEngine &engine() { return *m_engine; }
    TokenIssuer &tokens() { return m_tokens; }
    FaultInjector &faults() { return m_faults; }
    void setResourceSource(MgmtService::ResourceSource source) { m_resources = std::move(source); }
    void tick(); // advance the engine now

    // Counters for tests and the log (also at GET /ingestwatch-sim/counters as JSON).
    int mgmtRequests() const { return m_mgmtRequests; }
    const MgmtService &mgmt() const { return *m_mgmt; }

Q_SIGNALS:
    void blobsFinished(const QList<iw::SimBlob> &blobs);
    void requestLogged(const QString &line);

private:
    void handle(const SimHttpRequest &req, SimResponder responder);
    SimHttpResponse tokenEndpoint(const SimHttpRequest &req);
    SimHttpResponse deviceCodeEndpoint(const SimHttpRequest &req);
    SimHttpResponse authorizeEndpoint(const SimHttpRequest &req);
    SimHttpResponse metadata() const;
    bool authorized(const SimHttpRequest &req) const;

    SimulatorOptions m_options;
    std::unique_ptr<IngestionEngine> m_engine;
    TokenIssuer m_tokens;
    FaultInjector m_faults;
    MgmtService::ResourceSource m_resources;
    std::unique_ptr<MgmtService> m_mgmt;
    HttpFront m_front;
    QTimer m_timer;
    quint16 m_port = 0;
    int m_mgmtRequests = 0;
};

} // namespace iw
