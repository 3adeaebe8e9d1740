// Storage URIs with a SAS (`.get ingestion resources`): any text gives parts or an Error; the parts
// rebuild the resource URL; redact() of the URI (text or QUrl) leaves no signature.
#include "FuzzCheck.h"
#include "SasCheck.h"

#include "core/Redaction.h"
#include "core/StorageUri.h"

using namespace iw;
using iw::fuzz::show;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(iw::fuzz::bytes(data, size));

    // Whatever the text is, its redacted forms carry no signature a storage service would read.
    // (Text check for valid URLs only: tolerant QUrl parsing of an invalid one, with spaces or quotes,
    // joins pieces a service would never see as one parameter.)
    const QUrl url(text);
    if (QUrl(text, QUrl::StrictMode).isValid()) {
        const QString redactedText = redact(text);
        FUZZ_CHECK(iw::fuzz::noSignature(QUrl(redactedText).query(QUrl::FullyEncoded)),
                   show(text) + QStringLiteral(" -> ") + show(redactedText));
    }
    const QString redactedUrl = redact(url);
    FUZZ_CHECK(iw::fuzz::noSignature(QUrl(redactedUrl).query(QUrl::FullyEncoded)),
               show(text) + QStringLiteral(" -> ") + show(redactedUrl));

    const Result<StorageUri> u = StorageUri::parse(text);
    if (!u)
        return 0;
    FUZZ_CHECK(u->endpoint.isValid() && !u->endpoint.host().isEmpty(), show(text));
    FUZZ_CHECK(!u->resourceName.isEmpty(), show(text));
    FUZZ_CHECK(!u->endpoint.hasQuery() && u->endpoint.userInfo().isEmpty(), show(text));
    const QUrl resource = u->resourceUrl();
    FUZZ_CHECK(resource.isValid() && !resource.hasQuery(),
               show(text) + QStringLiteral(" -> ") + resource.toString());
    FUZZ_CHECK(resource.host() == u->endpoint.host() && resource.scheme() == u->endpoint.scheme(),
               show(text));
    FUZZ_CHECK(u->sasToken == QUrl(text.trimmed(), QUrl::StrictMode).query(QUrl::FullyEncoded), show(text));
    // The resource URL with the SAS is the URI again (same resource); it parses to the same parts.
    QUrl withSas = resource;
    withSas.setQuery(u->sasToken, QUrl::StrictMode);
    const Result<StorageUri> again = StorageUri::parse(withSas.toString(QUrl::FullyEncoded));
    FUZZ_CHECK(again.ok() && again->account == u->account && again->resourceName == u->resourceName
                   && again->sasToken == u->sasToken && again->pathStyle == u->pathStyle
                   && again->endpoint == u->endpoint,
               show(text) + QStringLiteral(" -> ") + withSas.toString(QUrl::FullyEncoded));
    FUZZ_CHECK(iw::fuzz::noSignature(QUrl(redact(withSas)).query(QUrl::FullyEncoded)), show(text));
    return 0;
}
