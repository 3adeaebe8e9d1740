#include "simulator/SimulatorServer.h"

#include "core/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace iw {

namespace {

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SimHttpResponse oauthError(int status, const TokenIssuer::OAuthError &e)
{
    const QJsonObject o {
        { QStringLiteral("error"), e.error },
        { QStringLiteral("error_description"), e.description },
        { QStringLiteral("error_codes"), QJsonArray { e.aadCode } },
        { QStringLiteral("timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("trace_id"), newGuid() },
        { QStringLiteral("correlation_id"), newGuid() },
    };
    return SimHttpResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SimHttpResponse tokenResponse(const TokenIssuer::Token &t)
{
    QJsonObject o {
        { QStringLiteral("token_type"), QStringLiteral("Bearer") },
        { QStringLiteral("expires_in"), t.expiresIn },
        { QStringLiteral("ext_expires_in"), t.expiresIn },
        { QStringLiteral("access_token"), t.accessToken },
    };
    if (!t.refreshToken.isEmpty())
        o.insert(QStringLiteral("refresh_token"), t.refreshToken);
    return SimHttpResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// application/x-www-form-urlencoded ('+' is a space).
QUrlQuery formBody(const QByteArray &body)
{
    QByteArray b = body;
    b.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(b));
}

QString formValue(const QUrlQuery &q, const QString &key)
{
    return q.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

SimulatorServer::SimulatorServer(SimulatorOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_engine(std::make_unique<IngestionEngine>(m_options.engine)), m_tokens(m_options.tokens),
      m_faults(m_options.faults)
{
    m_mgmt = std::make_unique<MgmtService>(
        m_engine.get(), [this] { return m_resources ? m_resources() : QList<IngestionResource> {}; },
        m_options.identityToken);
    m_front.setHandler([this](const SimHttpRequest &req, SimResponder r) { handle(req, std::move(r)); });
    connect(&m_timer, &QTimer::timeout, this, &SimulatorServer::tick);
}

SimulatorServer::~SimulatorServer() = default;

quint16 SimulatorServer::start()
{
    m_port = m_front.listen(m_options.address, m_options.port);
    if (m_port != 0)
        m_timer.start(std::max(10, m_options.tickMs));
    return m_port;
}

QUrl SimulatorServer::baseUrl() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(m_options.address.toString());
    u.setPort(m_port);
    return u;
}

void SimulatorServer::tick()
{
    const QList<SimBlob> done = m_engine->advance();
    if (!done.isEmpty())
        Q_EMIT blobsFinished(done);
}

bool SimulatorServer::authorized(const SimHttpRequest &req) const
{
    if (!m_options.requireAuth)
        return true;
    const QByteArray auth = req.header("Authorization").trimmed();
    if (!auth.startsWith("Bearer ") && !auth.startsWith("bearer "))
        return false;
    return m_tokens.isValid(QString::fromLatin1(auth.mid(7).trimmed()));
}

SimHttpResponse SimulatorServer::metadata() const
{
    const QString self = baseUrl().toString();
    const QJsonObject aad {
        { QStringLiteral("LoginEndpoint"), self },
        { QStringLiteral("LoginMfaRequired"), false },
        { QStringLiteral("KustoClientAppId"), QStringLiteral("db662dc1-0cfe-4e1c-a843-19a68e65be58") },
        { QStringLiteral("KustoClientRedirectUri"), QStringLiteral("https://microsoft/kustoclient") },
        { QStringLiteral("KustoServiceResourceId"), QStringLiteral("https://kusto.kusto.windows.net") },
        { QStringLiteral("FirstPartyAuthorityUrl"),
          QString(self + QStringLiteral("/f8cdef31-a31e-4b4a-93e4-5f571e91255a")) },
    };
    const QJsonObject o { { QStringLiteral("AzureAD"), aad }, { QStringLiteral("dSTS"), QJsonObject {} } };
    return SimHttpResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SimHttpResponse SimulatorServer::tokenEndpoint(const SimHttpRequest &req)
{
    const QUrlQuery form = formBody(req.body);
    const QString grant = formValue(form, QStringLiteral("grant_type"));
    if (grant == QLatin1String("client_credentials")) {
        auto r = m_tokens.clientCredentials(formValue(form, QStringLiteral("client_id")),
                                            formValue(form, QStringLiteral("client_secret")));
        if (auto *t = std::get_if<TokenIssuer::Token>(&r))
            return tokenResponse(*t);
        const auto &e = std::get<TokenIssuer::OAuthError>(r);
        return oauthError(e.error == QLatin1String("invalid_request") ? 400 : 401, e);
    }
    if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:device_code")
        || grant == QLatin1String("device_code")) {
        QString code = formValue(form, QStringLiteral("device_code"));
        if (code.isEmpty())
            code = formValue(form, QStringLiteral("code"));
        auto r = m_tokens.pollDeviceCode(code);
        if (auto *t = std::get_if<TokenIssuer::Token>(&r))
            return tokenResponse(*t);
        return oauthError(400, std::get<TokenIssuer::OAuthError>(r));
    }
    if (grant == QLatin1String("refresh_token")) {
        auto r = m_tokens.refresh(formValue(form, QStringLiteral("refresh_token")));
        if (auto *t = std::get_if<TokenIssuer::Token>(&r))
            return tokenResponse(*t);
        return oauthError(400, std::get<TokenIssuer::OAuthError>(r));
    }
    if (grant == QLatin1String("authorization_code")) {
        auto r = m_tokens.redeemAuthorizationCode(
            formValue(form, QStringLiteral("code")), formValue(form, QStringLiteral("client_id")),
            formValue(form, QStringLiteral("redirect_uri")), formValue(form, QStringLiteral("code_verifier")));
        if (auto *t = std::get_if<TokenIssuer::Token>(&r))
            return tokenResponse(*t);
        return oauthError(400, std::get<TokenIssuer::OAuthError>(r));
    }
    return oauthError(
        400,
        { QStringLiteral("unsupported_grant_type"),
          QStringLiteral("AADSTS70003: The app requested an unsupported grant type '%1'.").arg(grant),
          70003 });
}

// GET /{tenant}/oauth2/v2.0/authorize: the user consents at once; 302 back to the redirect URI with
// ?code=&state= (or ?error=&error_description= as Entra ID does when the request is bad).
SimHttpResponse SimulatorServer::authorizeEndpoint(const SimHttpRequest &req)
{
    const QUrlQuery &q = req.query;
    const auto value = [&q](const char *k) { return q.queryItemValue(QLatin1String(k), QUrl::FullyDecoded); };
    const QString redirectUri = value("redirect_uri");
    auto r = m_tokens.authorize(value("client_id"), redirectUri, value("code_challenge"),
                                value("code_challenge_method"));
    QUrl back(redirectUri);
    if (!back.isValid() || back.scheme() != QLatin1String("http")) {
        const auto &e = std::get<TokenIssuer::OAuthError>(r);
        return SimHttpResponse::text(400, e.description.toUtf8());
    }
    const auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    QString answer;
    if (const auto *code = std::get_if<QString>(&r)) {
        answer = QStringLiteral("code=") + enc(*code);
    } else {
        const auto &e = std::get<TokenIssuer::OAuthError>(r);
        answer = QStringLiteral("error=") + enc(e.error) + QStringLiteral("&error_description=")
            + enc(e.description);
    }
    answer += QStringLiteral("&state=") + enc(value("state"));
    back.setQuery(answer, QUrl::StrictMode);
    SimHttpResponse resp = SimHttpResponse::text(302, "");
    resp.setHeader("Location", back.toString(QUrl::FullyEncoded).toUtf8());
    return resp;
}

SimHttpResponse SimulatorServer::deviceCodeEndpoint(const SimHttpRequest &req)
{
    const QUrlQuery form = formBody(req.body);
    const auto d = m_tokens.startDeviceCode(formValue(form, QStringLiteral("client_id")));
    const QString uri = baseUrl().toString() + QStringLiteral("/devicelogin");
    const QJsonObject o {
        { QStringLiteral("user_code"), d.userCode },
        { QStringLiteral("device_code"), d.deviceCode },
        { QStringLiteral("verification_uri"), uri },
        { QStringLiteral("expires_in"), d.expiresIn },
        { QStringLiteral("interval"), d.interval },
        { QStringLiteral("message"),
          QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to "
                         "authenticate.")
              .arg(uri, d.userCode) },
    };
    return SimHttpResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void SimulatorServer::handle(const SimHttpRequest &req, SimResponder responder)
{
    const QString crid = QString::fromUtf8(req.header("x-ms-client-request-id"));
    const QString aid = newGuid();
    const QString path = req.path;
    auto finish = [&](SimHttpResponse r, int delay = 0) {
        r.setHeader("x-ms-activity-id", aid.toLatin1());
        if (!crid.isEmpty())
            r.setHeader("x-ms-client-request-id", crid.toUtf8());
        Q_EMIT requestLogged(
            QStringLiteral("%1 %2 -> %3").arg(QString::fromLatin1(req.method), path).arg(r.status));
        responder.send(r, delay);
    };

    static const QRegularExpression tokenPath(QStringLiteral("^/[^/]+/oauth2/v2\\.0/token$"));
    static const QRegularExpression devicePath(QStringLiteral("^/[^/]+/oauth2/v2\\.0/devicecode$"));
    if (req.method == "POST" && tokenPath.match(path).hasMatch())
        return finish(tokenEndpoint(req));
    if (req.method == "POST" && devicePath.match(path).hasMatch())
        return finish(deviceCodeEndpoint(req));
    static const QRegularExpression authorizePath(QStringLiteral("^/[^/]+/oauth2/v2\\.0/authorize$"));
    if (req.method == "GET" && authorizePath.match(path).hasMatch())
        return finish(authorizeEndpoint(req));
    if (path == QLatin1String("/devicelogin")) {
        const QString code = req.query.queryItemValue(QStringLiteral("code"));
        if (!code.isEmpty() && m_tokens.approveUserCode(code))
            return finish(SimHttpResponse::text(200, "Signed in. You can close this page."));
        return finish(SimHttpResponse::text(code.isEmpty() ? 200 : 404,
                                            code.isEmpty() ? "Open /devicelogin?code=<user code> to sign in."
                                                           : "Unknown code."));
    }
    if (path == QLatin1String("/v1/rest/auth/metadata"))
        return finish(metadata());
    if (req.method == "GET" && path == QLatin1String("/ingestwatch-sim/counters")) {
        const QJsonObject o { { QStringLiteral("mgmtRequests"), m_mgmtRequests },
                              { QStringLiteral("cancelCommands"), m_mgmt->cancelCount() } };
        return finish(SimHttpResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }

    const bool mgmt = path == QLatin1String("/v1/rest/mgmt");
    const bool query = path == QLatin1String("/v1/rest/query") || path == QLatin1String("/v2/rest/query");
    if (!mgmt && !query)
        return finish(SimHttpResponse::text(404, "Not Found"));
    if (req.method != "POST")
        return finish(SimHttpResponse::text(405, "Method Not Allowed"));
    if (!authorized(req)) {
        // The service's 401 has no JSON body.
        SimHttpResponse r = SimHttpResponse::text(401, "");
        r.setHeader("WWW-Authenticate",
                    "Bearer authorization_uri=\"" + baseUrl().toString().toLatin1()
                        + "/common\", error=\"invalid_token\"");
        return finish(r);
    }

    const FaultConfig faults = m_faults.config(); // may change while the server runs
    const int delay = faults.latencyMs;
    switch (m_faults.next()) {
    case FaultInjector::Fault::Throttle: {
        SimHttpResponse r = MgmtService::errorResponse(
            429, QStringLiteral("TooManyRequests"), QStringLiteral("Request is throttled."),
            QStringLiteral("Kusto.DataNode.Exceptions.ControlCommandThrottledException"),
            QStringLiteral(
                "The management command was aborted due to throttling. Retrying after some backoff might "
                "succeed. CommandType: 'DataIngestPull', Capacity: 1, Origin: 'CapacityPolicy/Ingestion'."),
            false, crid, aid);
        r.setHeader("Retry-After", QByteArray::number(faults.retryAfterSeconds));
        return finish(r, delay);
    }
    case FaultInjector::Fault::ServerError:
        if (m_faults.coin())
            return finish(SimHttpResponse::text(503, "Service Unavailable"), delay);
        return finish(MgmtService::errorResponse(
                          500, QStringLiteral("General_InternalServerError"),
                          QStringLiteral("Internal service error."),
                          QStringLiteral("Kusto.Data.Exceptions.KustoServiceException"),
                          QStringLiteral("An internal error occurred (simulated)."), false, crid, aid),
                      delay);
    case FaultInjector::Fault::Drop:
        Q_EMIT requestLogged(QStringLiteral("%1 %2 -> dropped").arg(QString::fromLatin1(req.method), path));
        return responder.drop(delay);
    case FaultInjector::Fault::DropAfter: {
        // The command runs (a cancel is applied), then the answer is lost.
        ++m_mgmtRequests;
        if (mgmt)
            (void)m_mgmt->handle(req.body, crid, aid);
        Q_EMIT requestLogged(
            QStringLiteral("%1 %2 -> run, then dropped").arg(QString::fromLatin1(req.method), path));
        return responder.drop(delay);
    }
    case FaultInjector::Fault::Truncate: {
        ++m_mgmtRequests;
        SimHttpResponse r = m_mgmt->handle(req.body, crid, aid);
        r.setHeader("x-ms-activity-id", aid.toLatin1());
        Q_EMIT requestLogged(QStringLiteral("%1 %2 -> truncated").arg(QString::fromLatin1(req.method), path));
        return responder.sendTruncated(r, delay);
    }
    case FaultInjector::Fault::Malformed:
        return finish(
            SimHttpResponse::json(200, "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":[{\"Colu"),
            delay);
    case FaultInjector::Fault::None:
        break;
    }
    if (query)
        return finish(
            MgmtService::errorResponse(
                400, QStringLiteral("BadRequest"),
                QStringLiteral("Request is invalid and cannot be executed."),
                QStringLiteral("Kusto.Common.Svc.Exceptions.AdminCommandWrongEndpointException"),
                QStringLiteral("Queries are not supported on the ingestion endpoint; send management "
                               "commands to /v1/rest/mgmt."),
                true, crid, aid),
            delay);
    ++m_mgmtRequests;
    finish(m_mgmt->handle(req.body, crid, aid), delay);
}

} // namespace iw
