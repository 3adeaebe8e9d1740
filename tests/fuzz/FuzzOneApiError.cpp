// OneApi error bodies: any body and status give an Error (never a crash) whose texts are already
// redacted, bounded in size, with a kind that follows the status.
#include "FuzzCheck.h"

#include "core/OneApiError.h"
#include "core/Redaction.h"

using namespace iw;
using iw::fuzz::show;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const iw::fuzz::Input in(data, size);
    static const int statuses[] = { 0, 200, 400, 401, 403, 404, 408, 429, 500, 503 };
    const int status = statuses[in.selector % std::size(statuses)];
    const QString header = (in.selector & 0x80) ? QStringLiteral("hdr-activity") : QString();

    const Error e = parseOneApiError(in.payload, status, header);
    const bool looks = looksLikeOneApiError(in.payload);
    (void)looks;
    const QString detail = show(QString::fromUtf8(in.payload));
    FUZZ_CHECK(e.httpStatus == status, detail);
    FUZZ_CHECK(!e.message.trimmed().isEmpty(), detail);
    // Already redacted: redacting again changes nothing.
    FUZZ_CHECK(redact(e.message) == e.message, show(e.message));
    FUZZ_CHECK(redact(e.code) == e.code, show(e.code));
    FUZZ_CHECK(redact(e.activityId) == e.activityId, show(e.activityId));
    FUZZ_CHECK(redact(e.clientRequestId) == e.clientRequestId, show(e.clientRequestId));
    // Clipped to 2000 characters plus the marker (redaction may grow a short secret to "REDACTED").
    FUZZ_CHECK(e.message.size() <= 2000 + 6 + 2000 / 4 * 8, QString::number(e.message.size()));
    if (status == 401 || status == 403)
        FUZZ_CHECK(e.kind == Error::Kind::Auth, detail);
    if (status == 404)
        FUZZ_CHECK(e.kind == Error::Kind::NotFound, detail);
    if (status == 429)
        FUZZ_CHECK(e.kind == Error::Kind::Throttled, detail);
    if (e.activityId.isEmpty())
        FUZZ_CHECK(header.isEmpty(), detail);
    return 0;
}
