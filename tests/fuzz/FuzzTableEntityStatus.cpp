// Status-table rows: any entity (read from the fuzzer's JSON page) maps to an IngestionStatus or an
// Error; a status written the way the service writes it (fromIngestionStatus), serialised to JSON and
// read back maps to the same status.
#include "FuzzCheck.h"

#include "core/TableEntityJson.h"
#include "core/TableEntityStatus.h"

using namespace iw;
using iw::fuzz::show;

namespace {

QString describe(const IngestionStatus &s)
{
    return QStringList { s.partitionKey,
                         s.rowKey,
                         toString(s.status),
                         s.ingestionSourceId,
                         s.ingestionSourcePath,
                         s.database,
                         s.table,
                         s.updatedOn.toString(Qt::ISODateWithMs),
                         s.operationId,
                         s.activityId,
                         s.errorCode,
                         toString(s.failureStatus),
                         s.details,
                         s.originatesFromUpdatePolicy ? QStringLiteral("true") : QStringLiteral("false") }
        .join(QLatin1Char('|'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray json = iw::fuzz::bytes(data, size);
    const Result<QList<TableEntity>> page = TableEntityJson::parsePage(json);
    if (!page)
        return 0;
    for (const TableEntity &e : *page) {
        const Result<IngestionStatus> s = TableEntityStatus::toIngestionStatus(e);
        if (!s)
            continue;
        const TableEntity written = TableEntityStatus::fromIngestionStatus(*s);
        const QByteArray body = TableEntityJson::serialize(written);
        const Result<TableEntity> read = TableEntityJson::parseEntity(body);
        FUZZ_CHECK(read.ok(), QString::fromUtf8(body));
        const Result<IngestionStatus> again = TableEntityStatus::toIngestionStatus(*read);
        FUZZ_CHECK(again.ok(), QString::fromUtf8(body) + QStringLiteral("\n") + again.error().message);
        IngestionStatus expected = *s;
        expected.timestamp = again->timestamp; // the table sets Timestamp, a client never writes it
        FUZZ_CHECK(*again == expected,
                   show(QString::fromUtf8(json)) + QStringLiteral("\nread    ") + describe(*s)
                       + QStringLiteral("\nwritten ") + QString::fromUtf8(body) + QStringLiteral("\nread    ")
                       + describe(*again));
    }
    return 0;
}
