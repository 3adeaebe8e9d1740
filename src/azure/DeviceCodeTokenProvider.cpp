#include "azure/DeviceCodeTokenProvider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace iw {

DeviceCodeTokenProvider::DeviceCodeTokenProvider(HttpPipeline *pipeline, QUrl authority, QString tenant,
                                                 QString clientId, QString scope, QObject *parent)
    : TokenProvider(parent), m_pipeline(pipeline), m_authority(std::move(authority)),
      m_tenant(tenant.isEmpty() ? QStringLiteral("organizations") : std::move(tenant)),
      m_clientId(std::move(clientId)), m_scope(std::move(scope))
{
    m_pollTimer = new QTimer(this);
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &DeviceCodeTokenProvider::poll);
}

DeviceCodeTokenProvider::~DeviceCodeTokenProvider()
{
    m_pollTimer->stop();
    if (m_call)
        m_call->cancel();
}

QUrl DeviceCodeTokenProvider::deviceCodeEndpoint() const
{
    return oauth::endpoint(m_authority, m_tenant, QStringLiteral("devicecode"));
}

QUrl DeviceCodeTokenProvider::tokenEndpoint() const
{
    return oauth::endpoint(m_authority, m_tenant, QStringLiteral("token"));
}

QString DeviceCodeTokenProvider::describe() const
{
    return QStringLiteral("device code sign-in for %1 at %2")
        .arg(m_clientId, m_authority.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
}

void DeviceCodeTokenProvider::invalidate()
{
    m_cached.clear();
    m_expiresOn = {};
    m_refreshAt = {};
}

void DeviceCodeTokenProvider::finishWith(const Result<QString> &r)
{
    const bool wasCodeFlow = m_phase == Phase::Polling || m_phase == Phase::RequestingCode;
    m_phase = Phase::Idle;
    ++m_generation; // answers to calls of this sign-in are ignored from now on
    m_pollTimer->stop();
    m_deviceCode.clear();
    if (wasCodeFlow)
        Q_EMIT signInFinished(r.ok(), r.ok() ? QString() : r.error().message);
    deliver(r);
}

void DeviceCodeTokenProvider::token(QObject *context, Callback callback)
{
    if (answerFromCache(m_cached, m_refreshAt, context, callback))
        return;
    enqueue(context, std::move(callback));
    if (m_phase != Phase::Idle)
        return; // a sign-in is on its way
    if (!m_pipeline) {
        deliver(Error::make(Error::Kind::Usage, QStringLiteral("Token provider without a pipeline.")));
        return;
    }
    if (!m_refreshToken.isEmpty())
        startRefresh();
    else
        startDeviceCode();
}

bool DeviceCodeTokenProvider::accept(const QByteArray &body)
{
    const Result<oauth::TokenAnswer> a = oauth::parseTokenAnswer(body);
    if (!a)
        return false;
    m_cached = a->accessToken;
    m_expiresOn = a->expiresOn;
    m_refreshAt = a->refreshAt;
    if (!a->refreshToken.isEmpty() && a->refreshToken != m_refreshToken) {
        m_refreshToken = a->refreshToken;
        Q_EMIT refreshTokenChanged(m_refreshToken);
    }
    return true;
}

void DeviceCodeTokenProvider::startRefresh()
{
    m_phase = Phase::Refreshing;
    m_call = m_pipeline->send(
        oauth::refreshTokenRequest(tokenEndpoint(), m_clientId, m_refreshToken, m_scope), this,
        [this, gen = m_generation](Result<HttpResponse> r) {
            if (gen != m_generation)
                return;
            m_call = nullptr;
            if (m_phase != Phase::Refreshing)
                return;
            if (r && accept(r->body)) {
                finishWith(m_cached);
                return;
            }
            if (!r && oauth::unreachable(r.error())) {
                finishWith(r.error()); // the authority is unreachable: a new device code would not help
                return;
            }
            // The refresh token was refused (expired, revoked, password changed): sign in anew.
            m_refreshToken.clear();
            Q_EMIT refreshTokenChanged(QString());
            startDeviceCode();
        });
}

void DeviceCodeTokenProvider::startDeviceCode()
{
    m_phase = Phase::RequestingCode;
    const QByteArray body
        = oauth::formField("client_id", m_clientId) + '&' + oauth::formField("scope", m_scope);
    m_call = m_pipeline->send(
        oauth::formRequest(deviceCodeEndpoint(), body), this,
        [this, gen = m_generation](Result<HttpResponse> r) {
            if (gen != m_generation)
                return;
            m_call = nullptr;
            if (m_phase != Phase::RequestingCode)
                return;
            if (!r) {
                Error e = r.error();
                if (e.kind == Error::Kind::Http)
                    e.kind = Error::Kind::Auth;
                e.message = QStringLiteral("Could not start the device code sign-in: %1").arg(e.message);
                finishWith(e);
                return;
            }
            const QJsonObject o = QJsonDocument::fromJson(r->body).object();
            const QString userCode = o.value(QStringLiteral("user_code")).toString();
            m_deviceCode = o.value(QStringLiteral("device_code")).toString();
            QString uri = o.value(QStringLiteral("verification_uri")).toString();
            if (uri.isEmpty())
                uri = o.value(QStringLiteral("verification_url")).toString(); // v1 endpoints
            if (userCode.isEmpty() || m_deviceCode.isEmpty() || uri.isEmpty()) {
                finishWith(
                    Error::make(Error::Kind::Parse,
                                QStringLiteral("The sign-in authority's device code answer is incomplete "
                                               "(user_code, device_code or verification_uri missing).")));
                return;
            }
            const qint64 expiresIn = std::max<qint64>(1, oauth::integerMember(o, "expires_in", 900));
            m_codeExpiresOn = QDateTime::currentDateTimeUtc().addSecs(expiresIn);
            m_intervalMs
                = std::max<qint64>(m_minInterval.count(), oauth::integerMember(o, "interval", 5) * 1000);
            QString message = o.value(QStringLiteral("message")).toString();
            if (message.isEmpty())
                message = QStringLiteral("To sign in, open %1 and enter the code %2.").arg(uri, userCode);
            m_phase = Phase::Polling;
            schedulePoll();
            Q_EMIT deviceCodeReady(userCode, QUrl(uri), message, expiresIn);
        });
}

void DeviceCodeTokenProvider::schedulePoll()
{
    m_pollTimer->start(std::chrono::milliseconds(m_intervalMs));
}

void DeviceCodeTokenProvider::poll()
{
    if (m_phase != Phase::Polling)
        return;
    if (QDateTime::currentDateTimeUtc() >= m_codeExpiresOn) {
        Error e = Error::make(Error::Kind::Auth,
                              QStringLiteral("The sign-in code expired before it was used. "
                                             "Start the sign-in again."));
        e.code = QStringLiteral("expired_token");
        finishWith(e);
        return;
    }
    const QByteArray body
        = oauth::formField("grant_type", QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")) + '&'
        + oauth::formField("client_id", m_clientId) + '&' + oauth::formField("device_code", m_deviceCode);
    m_call = m_pipeline->send(
        oauth::formRequest(tokenEndpoint(), body), this, [this, gen = m_generation](Result<HttpResponse> r) {
            if (gen != m_generation)
                return;
            m_call = nullptr;
            if (m_phase != Phase::Polling)
                return;
            if (r) {
                if (accept(r->body))
                    finishWith(m_cached);
                else
                    finishWith(
                        Error::make(Error::Kind::Auth,
                                    QStringLiteral("The sign-in authority returned no access_token.")));
                return;
            }
            const Error &e = r.error();
            if (e.code == QLatin1String("authorization_pending")) {
                schedulePoll();
                return;
            }
            if (e.code == QLatin1String("slow_down")) {
                m_intervalMs += 5000;
                schedulePoll();
                return;
            }
            Error out = e;
            out.kind = e.kind == Error::Kind::Http ? Error::Kind::Auth : e.kind;
            if (e.code == QLatin1String("expired_token") || e.code == QLatin1String("code_expired"))
                out.message
                    = QStringLiteral("The sign-in code expired before it was used. Start the sign-in again.");
            else if (e.code == QLatin1String("access_denied")
                     || e.code == QLatin1String("authorization_declined"))
                out.message = QStringLiteral("The sign-in was declined.");
            else if (e.kind == Error::Kind::Network || e.kind == Error::Kind::Timeout) {
                schedulePoll(); // a lost poll: try again at the next interval, until the code expires
                return;
            } else
                out.message = QStringLiteral("The device code sign-in failed: %1").arg(e.message);
            finishWith(out);
        });
}

void DeviceCodeTokenProvider::cancel()
{
    if (m_phase == Phase::Idle)
        return;
    m_pollTimer->stop();
    HttpCall *call = m_call;
    m_call = nullptr;
    const Error e = Error::make(Error::Kind::Canceled, QStringLiteral("The sign-in was cancelled."));
    finishWith(e);
    if (call)
        call->cancel(); // its callback sees Phase::Idle and does nothing
}

} // namespace iw
