// Kusto v1 responses: any body parses to tables or an Error (never a crash); what parsed writes back
// (toJson) and parses again to the same tables; every typed reader (operations, details, resources,
// identity token, submission) gives rows or an Error, and typed rows written back as a table read back equal.
#include "FuzzCheck.h"

#include "core/KustoV1.h"

using namespace iw;
using iw::fuzz::show;

namespace {

template<typename T, typename Read>
void typedRoundTrip(const KustoV1Table &t, Read read, const char *what)
{
    const Result<T> rows = read(t);
    if (!rows)
        return;
    const KustoV1Table written = toV1Table(*rows);
    const Result<T> again = read(written);
    FUZZ_CHECK(again.ok() && *again == *rows,
               QLatin1String(what) + QStringLiteral(": ") + QString::fromUtf8(t.toJson())
                   + QStringLiteral("\nwritten ") + QString::fromUtf8(written.toJson())
                   + (again ? QString() : QStringLiteral("\n") + again.error().message));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray body = iw::fuzz::bytes(data, size);
    const Result<KustoV1Response> r = parseKustoV1(body);
    if (!r) {
        FUZZ_CHECK(!r.error().message.isEmpty(), show(QString::fromUtf8(body)));
        return 0;
    }
    for (const KustoV1Table &t : r->tables) {
        for (const QJsonArray &row : t.rows)
            FUZZ_CHECK(row.size() == t.columns.size(), QString::fromUtf8(body));
    }

    // toJson() -> parse gives the same response.
    const QByteArray json = r->toJson();
    const Result<KustoV1Response> again = parseKustoV1(json);
    FUZZ_CHECK(again.ok() && *again == *r,
               QStringLiteral("body ") + QString::fromUtf8(body) + QStringLiteral("\nwritten ")
                   + QString::fromUtf8(json));

    (void)r->primaryTable();
    for (const KustoV1Table &t : r->tables) {
        (void)t.columnIndex({ u"IngestionOperationId", u"State", u"Started On" });
        typedRoundTrip<QList<QueuedOperation>>(t, queuedOperationsFromV1, "operations");
        typedRoundTrip<QList<BlobDetail>>(t, blobDetailsFromV1, "details");
        typedRoundTrip<QList<IngestionResource>>(t, ingestionResourcesFromV1, "resources");
        typedRoundTrip<QueuedIngestionSubmission>(t, submissionFromV1, "submission");
        const Result<QString> ctx = authorizationContextFromV1(t);
        if (ctx) {
            const Result<QString> back = authorizationContextFromV1(identityTokenTable(*ctx));
            FUZZ_CHECK(back.ok() && *back == *ctx, show(*ctx));
        }
    }
    return 0;
}
