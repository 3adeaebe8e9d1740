#include "monitor/ProfileTokenProvider.h"

#include "azure/AuthMetadata.h"
#include "azure/AzureCliTokenProvider.h"
#include "azure/BrowserSignInTokenProvider.h"
#include "azure/DeviceCodeTokenProvider.h"
#include "monitor/SecretStore.h"

namespace iw {

ProfileTokenProvider::ProfileTokenProvider(ConnectionProfile profile, HttpPipeline *pipeline,
                                           SecretStore *secrets, QObject *parent)
    : TokenProvider(parent), m_profile(std::move(profile)), m_pipeline(pipeline), m_secrets(secrets)
{ }

ProfileTokenProvider::~ProfileTokenProvider() = default;

QUrl ProfileTokenProvider::authority() const
{
    return m_profile.authorityUrl.isEmpty() ? defaultAuthority() : m_profile.authorityUrl;
}

QString ProfileTokenProvider::describe() const
{
    if (m_inner)
        return m_inner->describe();
    return QStringLiteral("%1 sign-in for profile %2").arg(toString(m_profile.signIn), m_profile.name);
}

void ProfileTokenProvider::invalidate()
{
    if (m_inner)
        m_inner->invalidate();
}

void ProfileTokenProvider::cancelSignIn()
{
    if (auto *d = qobject_cast<DeviceCodeTokenProvider *>(m_inner))
        d->cancel();
    else if (auto *b = qobject_cast<BrowserSignInTokenProvider *>(m_inner))
        b->cancel();
}

void ProfileTokenProvider::token(QObject *context, Callback callback)
{
    if (m_inner) {
        m_inner->token(context, std::move(callback));
        return;
    }
    m_waiting.append(Waiter { QPointer<QObject>(context), context != nullptr, std::move(callback) });
    if (!m_preparing)
        prepare();
}

void ProfileTokenProvider::fail(const Error &e)
{
    m_preparing = false;
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    for (const Waiter &w : waiting) {
        if (!w.hadContext || w.context)
            w.callback(e);
    }
}

void ProfileTokenProvider::install(TokenProvider *inner)
{
    m_preparing = false;
    m_inner = inner;
    m_inner->setParent(this);
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    for (const Waiter &w : waiting) {
        if (w.hadContext && !w.context)
            continue;
        m_inner->token(w.hadContext ? w.context.data() : nullptr, w.callback);
    }
}

void ProfileTokenProvider::persistRefreshToken(const QString &refreshToken)
{
    if (!m_secrets)
        return;
    const QString key = m_profile.secretKey(ConnectionProfile::kRefreshToken);
    if (refreshToken.isEmpty())
        m_secrets->remove(key, [](Status) {});
    else
        m_secrets->write(key, refreshToken, [](Status) {});
}

// The Kusto resource tokens are asked for: the endpoint's auth metadata (fallback: the public cloud's).
void ProfileTokenProvider::withResource(std::function<void(Result<QString>)> next)
{
    if (!m_pipeline) {
        next(Error::make(Error::Kind::Usage, QStringLiteral("Token provider without a pipeline.")));
        return;
    }
    AuthMetadata::fetch(
        m_pipeline, m_profile.ingestEndpoint(), this, [next = std::move(next)](Result<AuthMetadata> m) {
            if (!m) {
                Error e = m.error();
                e.message = tr("Cannot read the endpoint's sign-in metadata: %1").arg(e.message);
                next(e);
                return;
            }
            next(m->resourceId);
        });
}

void ProfileTokenProvider::prepare()
{
    m_preparing = true;
    const QString profileName = m_profile.name;
    switch (m_profile.signIn) {
    case SignInMethod::None:
        fail(
            Error::make(Error::Kind::Auth,
                        tr("Profile %1 has no sign-in method: choose one in Connections.").arg(profileName)));
        return;
    case SignInMethod::AzureCli:
        withResource([this](Result<QString> resource) {
            if (!resource) {
                fail(resource.error());
                return;
            }
            auto *cli = new AzureCliTokenProvider(resource.value());
            if (!m_azProgram.isEmpty())
                cli->setProgram(m_azProgram);
            if (!m_profile.tenantId.isEmpty())
                cli->setTenant(m_profile.tenantId);
            install(cli);
        });
        return;
    case SignInMethod::ServicePrincipal: {
        if (m_profile.tenantId.isEmpty() || m_profile.clientId.isEmpty()) {
            fail(Error::make(Error::Kind::Usage,
                             tr("Profile %1 needs a tenant and a client id for the service "
                                "principal sign-in.")
                                 .arg(profileName)));
            return;
        }
        auto withSecret = [this](Result<QString> secret) {
            QString value = secret.ok() ? secret.value() : QString();
            // The local simulator's authority (loopback only) takes any secret unless it was started with
            // --client-secret: the "Local emulator" profile works without one, as Session::localBackend.
            const bool notStored = secret.ok() || secret.error().kind == Error::Kind::NotFound;
            if (value.isEmpty() && notStored && isLoopbackHost(authority().host()))
                value = QStringLiteral("local");
            if (value.isEmpty()) {
                if (secret.ok() || secret.error().kind == Error::Kind::NotFound) {
                    fail(Error::make(Error::Kind::Auth,
                                     tr("No client secret is stored for profile %1: enter it in "
                                        "Connections.")
                                         .arg(m_profile.name)));
                } else {
                    Error e = secret.error();
                    e.message = tr("Cannot read the client secret from the keychain: %1").arg(e.message);
                    fail(e);
                }
                return;
            }
            auto *cc = new ClientCredentialsTokenProvider(
                m_pipeline, ClientCredentialsTokenProvider::tokenEndpointFor(authority(), m_profile.tenantId),
                m_profile.clientId, value, QString());
            cc->setResourceDiscovery(m_profile.ingestEndpoint());
            install(cc);
        };
        if (m_secrets)
            m_secrets->read(m_profile.secretKey(ConnectionProfile::kClientSecret), withSecret);
        else
            withSecret(Error::make(Error::Kind::NotFound, QStringLiteral("no secret store")));
        return;
    }
    case SignInMethod::DeviceCode:
    case SignInMethod::Browser: {
        auto start = [this](const QString &refreshToken) {
            withResource([this, refreshToken](Result<QString> resource) {
                if (!resource) {
                    fail(resource.error());
                    return;
                }
                // offline_access: the authority gives a refresh token, kept in the keychain.
                const QString scope
                    = AuthMetadata::scopeFor(resource.value()) + QStringLiteral(" offline_access");
                const QString clientId
                    = m_profile.clientId.isEmpty() ? kustoClientAppId() : m_profile.clientId;
                if (m_profile.signIn == SignInMethod::DeviceCode) {
                    auto *d = new DeviceCodeTokenProvider(m_pipeline, authority(), m_profile.tenantId,
                                                          clientId, scope);
                    d->setRefreshToken(refreshToken);
                    connect(d, &DeviceCodeTokenProvider::deviceCodeReady, this,
                            &ProfileTokenProvider::deviceCodeReady);
                    connect(d, &DeviceCodeTokenProvider::signInFinished, this,
                            &ProfileTokenProvider::signInFinished);
                    connect(d, &DeviceCodeTokenProvider::refreshTokenChanged, this,
                            &ProfileTokenProvider::persistRefreshToken);
                    install(d);
                } else {
                    auto *b = new BrowserSignInTokenProvider(m_pipeline, authority(), m_profile.tenantId,
                                                             clientId, scope);
                    b->setRefreshToken(refreshToken);
                    connect(b, &BrowserSignInTokenProvider::openBrowser, this,
                            &ProfileTokenProvider::browserSignInStarted);
                    connect(b, &BrowserSignInTokenProvider::signInFinished, this,
                            &ProfileTokenProvider::signInFinished);
                    connect(b, &BrowserSignInTokenProvider::refreshTokenChanged, this,
                            &ProfileTokenProvider::persistRefreshToken);
                    install(b);
                }
            });
        };
        if (!m_secrets) {
            start(QString());
            return;
        }
        // A refresh token from an earlier run: signs in silently. None (or no keychain): interactive.
        m_secrets->read(m_profile.secretKey(ConnectionProfile::kRefreshToken),
                        [start](Result<QString> r) { start(r.ok() ? r.value() : QString()); });
        return;
    }
    }
}

} // namespace iw
