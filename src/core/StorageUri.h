#pragma once

#include "core/Result.h"

#include <QString>
#include <QUrl>

namespace iw {

// A storage resource URI with a SAS, as `.get ingestion resources` returns it, split into its parts:
//   https://acct.table.core.windows.net/ingestionsstatus?sv=...&sig=...     (production style)
//   http://127.0.0.1:10002/devstoreaccount1/ingestionsstatus?sv=...&sig=... (path style: emulator, IPs)
// endpoint is the service root the REST calls hang off ("https://acct.table.core.windows.net" or
// "http://127.0.0.1:10002/devstoreaccount1"); the SAS token is the query string without '?', verbatim.
struct StorageUri
{
    QUrl endpoint;
    QString account;
    QString resourceName; // table, queue or container name (the first path segment after the account)
    QString sasToken; // may be empty
    bool pathStyle = false;

    static Result<StorageUri> parse(const QString &uri);
    // endpoint + "/" + resourceName (no query).
    QUrl resourceUrl() const;
};

} // namespace iw
