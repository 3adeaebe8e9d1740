#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace iw {

// How the dashboard signs in to the ingest endpoint.
enum class SignInMethod {
    None, // no token (a local simulator started with --no-auth)
    AzureCli, // `az account get-access-token`
    ServicePrincipal, // OAuth2 client credentials with a client secret
    DeviceCode, // OAuth2 device code flow
    Browser, // OAuth2 authorization code + PKCE in the system browser, loopback redirect
};
QString toString(SignInMethod m);
SignInMethod signInMethodFromString(QStringView s); // unknown -> None

// Where the status table and report queues come from.
enum class StorageSource {
    Discovered, // `.get ingestion resources` on the ingest endpoint
    Manual, // SAS URLs or a connection string given by the operator
};

// Manual storage: SAS URLs (one per resource) or one connection string (account key, SAS or
// UseDevelopmentStorage=true) plus the table and queue names.
enum class ManualStorageKind {
    SasUrls,
    ConnectionString,
};

// A named connection. Holds names and URLs only: every secret (client secret, account key, SAS token,
// refresh token) lives in the SecretStore under secretKey(...), never here.
struct ConnectionProfile
{
    QString name;
    QUrl clusterUrl; // as the operator typed it (cluster or ingest- endpoint)
    QString defaultDatabase;
    SignInMethod signIn = SignInMethod::AzureCli;
    QString tenantId; // service principal / device code
    QString clientId; // service principal / device code
    QUrl authorityUrl; // empty: https://login.microsoftonline.com; the simulator serves its own
    StorageSource storage = StorageSource::Discovered;
    ManualStorageKind manualKind = ManualStorageKind::SasUrls;
    QStringList manualQueueUrls; // failure report queues (without SAS; the SAS is a secret: sasKey(url))
    QStringList manualSuccessQueueUrls; // success report queues (without SAS)
    QUrl manualStatusTableUrl; // status table (without SAS)
    // With a connection string (the string itself is the secret kStorageConnectionString):
    QString manualTableName;
    QStringList manualFailedQueueNames;
    QStringList manualSuccessQueueNames;

    // The ingest (data management) endpoint for the cluster URL, as the SDKs derive it: `ingest-` is
    // inserted before the host unless it is there already, or the host is loopback, localhost or an IP.
    QUrl ingestEndpoint() const;

    // Keychain key names of this profile's secrets.
    QString secretKey(QStringView what) const;
    // The secrets a profile may have, by name (what secretKey() is given).
    static constexpr QStringView kClientSecret = u"clientSecret";
    static constexpr QStringView kRefreshToken = u"refreshToken";
    static constexpr QStringView kStorageConnectionString = u"storageConnectionString";
    // The SAS token of one manual storage URL (the URL without its query).
    static QString sasKey(const QUrl &resourceUrl);
    // Every secret name this profile can have (for removal with the profile, renames, duplicates).
    QStringList secretNames() const;

    bool operator==(const ConnectionProfile &) const = default;
};

QUrl ingestEndpointFor(const QUrl &clusterUrl);
// A URL without query, fragment and user info: what may be written to a settings file.
QUrl withoutSecrets(const QUrl &url);
// True for 127.0.0.0/8, ::1 and localhost: the only hosts plain http is allowed to.
bool isLoopbackHost(const QString &host);

} // namespace iw
