#pragma once

#include "azure/HttpPipeline.h"
#include "core/ConnectionString.h"
#include "core/Result.h"
#include "core/StorageUri.h"

#include <QByteArray>
#include <QString>

namespace iw {

// How a storage request is authorised: shared key (Table SharedKey or SharedKeyLite, Queue/Blob SharedKey),
// a SAS token (appended to the query string, no Authorization header), or nothing.
// apply*() is meant for HttpRequest::prepare, i.e. once per attempt: it sets x-ms-date and the signature.
class StorageCredential
{
public:
    enum class Kind { Anonymous, SharedKey, Sas };
    enum class TableScheme { SharedKey, SharedKeyLite };

    StorageCredential() = default;
    static Result<StorageCredential> sharedKey(const QString &account, const QString &base64Key);
    static StorageCredential sas(const QString &token); // "sv=...&sig=..." with or without leading '?'
    // Shared key when the string has one, else its SAS.
    static Result<StorageCredential> fromConnectionString(const ConnectionString &cs);

    Kind kind() const { return m_kind; }
    QString account() const { return m_account; }
    QString sasToken() const { return m_sas; }

    Status applyTable(HttpRequest &request, TableScheme scheme = TableScheme::SharedKey) const;
    Status applyQueue(HttpRequest &request) const;
    Status applyBlob(HttpRequest &request) const { return applyQueue(request); } // same layout

    // Appends a SAS token to a URL's query (kept verbatim).
    static void appendSas(QUrl &url, const QString &token);

private:
    Kind m_kind = Kind::Anonymous;
    QString m_account;
    QByteArray m_key; // decoded
    QString m_sas;
};

// Where a storage service lives and how to talk to it. `endpoint` is the service root:
// "http://127.0.0.1:10002/devstoreaccount1" (path style) or "https://acct.table.core.windows.net".
struct StorageServiceConfig
{
    QUrl endpoint;
    StorageCredential credential;
    std::chrono::milliseconds timeout { 30000 };

    static Result<StorageServiceConfig> tableFromConnectionString(const ConnectionString &cs);
    static Result<StorageServiceConfig> queueFromConnectionString(const ConnectionString &cs);
    static Result<StorageServiceConfig> blobFromConnectionString(const ConnectionString &cs);
    // From a SAS URI as `.get ingestion resources` returns it (endpoint + SAS; the resource name is in uri).
    static StorageServiceConfig fromStorageUri(const StorageUri &uri);
};

} // namespace iw
