// Storage connection strings: any text gives a connection string or an Error; one that parsed writes
// back (toString) and parses again to the same fields; redacting it leaves no account key or signature.
#include "FuzzCheck.h"
#include "SasCheck.h"

#include "core/ConnectionString.h"
#include "core/Redaction.h"

using namespace iw;
using iw::fuzz::show;

namespace {

QString describe(const ConnectionString &c)
{
    return QStringList { c.accountName,
                         c.accountKey,
                         c.sharedAccessSignature,
                         c.blobEndpoint.toString(),
                         c.queueEndpoint.toString(),
                         c.tableEndpoint.toString(),
                         c.developmentStorage ? QStringLiteral("dev") : QStringLiteral("-") }
        .join(QLatin1Char('|'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(iw::fuzz::bytes(data, size));
    const Result<ConnectionString> cs = ConnectionString::parse(text);
    if (!cs) {
        FUZZ_CHECK(cs.error().kind == Error::Kind::Parse && !cs.error().message.isEmpty(), show(text));
        return 0;
    }
    FUZZ_CHECK(cs->hasSharedKey() || cs->hasSas() || cs->developmentStorage, describe(*cs));
    for (const QUrl *u : { &cs->blobEndpoint, &cs->queueEndpoint, &cs->tableEndpoint }) {
        if (!u->isEmpty())
            FUZZ_CHECK(u->scheme() == QLatin1String("http") || u->scheme() == QLatin1String("https")
                           || cs->developmentStorage,
                       describe(*cs));
    }

    const QString written = cs->toString();
    const Result<ConnectionString> again = ConnectionString::parse(written);
    FUZZ_CHECK(again.ok() && describe(*again) == describe(*cs),
               show(text) + QStringLiteral("\nread    ") + describe(*cs) + QStringLiteral("\nwritten ")
                   + show(written) + QStringLiteral("\nread    ")
                   + (again ? describe(*again) : again.error().message));

    // Redacted, the text keeps no key and no signature.
    const QString redacted = redact(written);
    const Result<ConnectionString> shown = ConnectionString::parse(redacted);
    if (shown) {
        FUZZ_CHECK(shown->accountKey.isEmpty() || shown->accountKey == QLatin1String("REDACTED")
                       || shown->developmentStorage,
                   show(redacted));
        FUZZ_CHECK(iw::fuzz::noSignature(shown->sharedAccessSignature), show(redacted));
    }
    // (A key that is part of the account name shows in the endpoints' host names, lower-cased.)
    if (!cs->developmentStorage && cs->accountKey.size() >= 8
        && !cs->accountName.contains(cs->accountKey, Qt::CaseInsensitive)
        && cs->accountKey != QLatin1String("REDACTED")) // a key that is the marker itself
        FUZZ_CHECK(!redacted.contains(cs->accountKey), show(redacted));
    return 0;
}
