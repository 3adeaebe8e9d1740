#pragma once

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace iw {

// An Azure Storage connection string, parsed. Keys are case-insensitive; values are kept verbatim.
//   DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=...;EndpointSuffix=core.windows.net
//   TableEndpoint=https://...;QueueEndpoint=...;SharedAccessSignature=sv=...&sig=...
//   UseDevelopmentStorage=true[;DevelopmentStorageProxyUri=http://host]  -> Azurite's devstoreaccount1
// Endpoints come out resolved: explicit *Endpoint= wins, else built from protocol, account and suffix.
// For the emulator they are path-style: http://127.0.0.1:10002/devstoreaccount1.
class ConnectionString
{
public:
    static constexpr const char *kDevAccountName = "devstoreaccount1";
    static constexpr const char *kDevAccountKey
        = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    static Result<ConnectionString> parse(QStringView text);
    // Azurite's well-known account on the given host and ports (path-style endpoints).
    static ConnectionString development(const QString &host = QStringLiteral("127.0.0.1"),
                                        int blobPort = 10000, int queuePort = 10001, int tablePort = 10002);

    QString accountName;
    QString accountKey; // base64; empty when a SAS is used
    QString sharedAccessSignature; // without a leading '?'
    QUrl blobEndpoint;
    QUrl queueEndpoint;
    QUrl tableEndpoint;
    bool developmentStorage = false;

    bool hasSharedKey() const { return !accountName.isEmpty() && !accountKey.isEmpty(); }
    bool hasSas() const { return !sharedAccessSignature.isEmpty(); }
    // Back to text (the key/SAS included: redact before showing).
    QString toString() const;
};

} // namespace iw
