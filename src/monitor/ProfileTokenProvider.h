#pragma once

#include "azure/TokenProvider.h"
#include "core/ConnectionProfile.h"

#include <QList>
#include <QPointer>
#include <QUrl>

namespace iw {

class SecretStore;

// The token provider for a connection profile's sign-in method, behind the one TokenProvider interface:
//   AzureCli          -> AzureCliTokenProvider (resource from the endpoint's auth metadata)
//   ServicePrincipal  -> ClientCredentialsTokenProvider (client secret from the SecretStore, scope from
//                        the auth metadata, fallback https://kusto.kusto.windows.net)
//   DeviceCode        -> DeviceCodeTokenProvider   } refresh token read from and written back to the
//   Browser           -> BrowserSignInTokenProvider} SecretStore, used silently on the next start
// The concrete provider is made on the first token() call (secrets are read asynchronously from the
// keychain first); a failure there (no secret stored, metadata unreachable) is given to the callers and
// the next call tries again. Interactive steps are re-emitted here so the GUI connects one object.
class ProfileTokenProvider : public TokenProvider
{
    Q_OBJECT
public:
    ProfileTokenProvider(ConnectionProfile profile, HttpPipeline *pipeline, SecretStore *secrets,
                         QObject *parent = nullptr);
    ~ProfileTokenProvider() override;

    void token(QObject *context, Callback callback) override;
    void invalidate() override;
    QString describe() const override;

    // Stops a device code or browser sign-in in progress.
    void cancelSignIn();
    TokenProvider *inner() const { return m_inner; }
    // The Azure CLI to run (default "az" on PATH).
    void setAzureCliProgram(const QString &program) { m_azProgram = program; }

    static QUrl defaultAuthority() { return QUrl(QStringLiteral("https://login.microsoftonline.com")); }
    // Kusto's public client application (what the SDKs and Kusto.Explorer sign in as).
    static QString kustoClientAppId() { return QStringLiteral("db662dc1-0cfe-4e1c-a843-19a68e65be58"); }
    QUrl authority() const;

Q_SIGNALS:
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri, const QString &message,
                         qint64 expiresInSeconds);
    void browserSignInStarted(const QUrl &authorizeUrl);
    void signInFinished(bool ok, const QString &message);

private:
    void prepare();
    void withResource(std::function<void(Result<QString>)> next);
    void install(TokenProvider *inner);
    void fail(const Error &e);
    void persistRefreshToken(const QString &refreshToken);

    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        Callback callback;
    };
    ConnectionProfile m_profile;
    QPointer<HttpPipeline> m_pipeline;
    QPointer<SecretStore> m_secrets;
    QString m_azProgram;
    QList<Waiter> m_waiting;
    bool m_preparing = false;
    TokenProvider *m_inner = nullptr;
};

} // namespace iw
