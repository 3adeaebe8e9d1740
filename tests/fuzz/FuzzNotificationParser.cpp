// Report-queue messages: any text gives a notification (Failure, Success or Malformed with a reason),
// never a crash; a parsed notification written as the service writes it (toNotificationJson), plain or
// base64, parses back to the same fields.
#include "FuzzCheck.h"

#include "core/NotificationParser.h"

using namespace iw;
using iw::fuzz::show;
using Kind = IngestionNotification::Kind;

namespace {

QString describe(const IngestionNotification &n)
{
    QStringList p { toString(n.kind),
                    n.operationId,
                    n.database,
                    n.table,
                    n.when().toString(Qt::ISODateWithMs),
                    n.ingestionSourceId,
                    n.ingestionSourcePath,
                    n.rootActivityId };
    if (n.kind == Kind::Failure)
        p << n.details << n.errorCode << toString(n.failureStatus)
          << QString::number(n.originatesFromUpdatePolicy) << QString::number(n.shouldRetry);
    return p.join(QLatin1Char('|'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const iw::fuzz::Input in(data, size);
    const Kind expected = (in.selector & 1) ? Kind::Success : Kind::Failure;
    const QString text = QString::fromUtf8(in.payload);
    const IngestionNotification n = parseNotificationMessage(text, expected);
    FUZZ_CHECK(n.rawText == text, show(text));
    if (n.kind == Kind::Malformed) {
        FUZZ_CHECK(!n.parseError.isEmpty(), show(text));
        // A test backend replays a broken message exactly.
        FUZZ_CHECK(toNotificationJson(n) == text.toUtf8(), show(text));
        return 0;
    }
    FUZZ_CHECK(n.kind == expected, show(text));
    FUZZ_CHECK(n.parseError.isEmpty(), show(text));

    const QByteArray json = toNotificationJson(n);
    for (const QString &again : { QString::fromUtf8(json), QString::fromLatin1(json.toBase64()) }) {
        const IngestionNotification m = parseNotificationMessage(again, expected);
        FUZZ_CHECK(describe(m) == describe(n),
                   show(text) + QStringLiteral("\nread    ") + describe(n) + QStringLiteral("\nwritten ")
                       + QString::fromUtf8(json) + QStringLiteral("\nread    ") + describe(m)
                       + QStringLiteral(" ") + m.parseError);
    }
    return 0;
}
