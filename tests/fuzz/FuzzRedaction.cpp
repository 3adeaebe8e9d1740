// redact(): a signature, key or token planted anywhere in arbitrary text is gone afterwards; no `sig=`
// parameter keeps a value; redacting twice changes nothing; URLs redacted as QUrl keep no signature.
#include "FuzzCheck.h"
#include "SasCheck.h"

#include "core/Redaction.h"

#include <QRegularExpression>

using namespace iw;
using iw::fuzz::show;

namespace {

// A secret that does not occur in the dictionary or the seeds: if it shows up in the output, it leaked.
const QString kSecret = QStringLiteral("Zq7Xw3Kp9Lm2Vb8Nc4Rt");

struct Plant
{
    const char *before; // written right before the secret
    const char *after; // right after it
};

// Secrets as they appear in real text: SAS query parameters (plain and inside another URL), connection
// strings, JSON members (also escaped inside a JSON string), bearer tokens.
const Plant kPlants[] = {
    { "https://a.blob.core.windows.net/c?sv=2022-11-02&sig=", "%2B%2F%3D&se=2026-01-01" },
    { "?sig=", "" },
    { "&SIG=", "%3D" },
    { "%26sig%3D", "%253D" },
    { "%3Fsig%3D", "" },
    { "\"sig\": \"", "\"" },
    { "\\\"sig\\\":\\\"", "\\\"" },
    { "AccountKey=", "==;" },
    { "SharedAccessSignature=sv=2022&sig=", "&sp=r" },
    { "Authorization: Bearer ", "" },
    { "client_secret=", "&scope=x" },
    { "\"access_token\":\"", "\"" },
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const iw::fuzz::Input in(data, size);
    const QString text = QString::fromUtf8(in.payload);

    const QString once = redact(text);
    FUZZ_CHECK(redact(once) == once,
               show(text) + QStringLiteral("\n-> ") + show(once) + QStringLiteral("\n-> ")
                   + show(redact(once)));

    // No `sig=` parameter keeps a value: what follows it is REDACTED, or a delimiter, or the end.
    static const QRegularExpression sig(QStringLiteral("(?<![A-Za-z0-9_])sig=([^&;\\s\"'<>#,\\\\%]?)"),
                                        QRegularExpression::CaseInsensitiveOption);
    for (auto it = sig.globalMatch(once); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(1).isEmpty())
            continue;
        FUZZ_CHECK(QStringView(once).mid(m.capturedStart(1)).startsWith(QLatin1String("REDACTED")),
                   show(text) + QStringLiteral("\n-> ") + show(once));
    }

    // Plant a secret inside the fuzzer's text, at a position the selector picks.
    if (!text.contains(kSecret.left(6))) {
        const Plant &p = kPlants[in.selector % std::size(kPlants)];
        const qsizetype at = text.isEmpty() ? 0 : qsizetype(in.selector) * 7 % (text.size() + 1);
        // Only at a position where the planted prefix starts a new token (a secret glued to a word is
        // not a parameter of that name: "xsig=" is not "sig=").
        const QString planted
            = text.left(at) + QLatin1String(p.before) + kSecret + QLatin1String(p.after) + text.mid(at);
        const bool boundary
            = at == 0 || !(text.at(at - 1).isLetterOrNumber() || text.at(at - 1) == QLatin1Char('_'));
        if (boundary) {
            const QString out = redact(planted);
            FUZZ_CHECK(!out.contains(kSecret), show(planted) + QStringLiteral("\n-> ") + show(out));
        }
    }

    // As a QUrl (tolerant, like QUrl(text) in the app): no signature in the query.
    const QUrl url(text);
    if (url.isValid()) {
        const QUrl shown(redact(url));
        FUZZ_CHECK(iw::fuzz::noSignature(shown.query(QUrl::FullyEncoded)),
                   show(text) + QStringLiteral("\n-> ") + redact(url));
    }
    return 0;
}
