// Queue service XML: any body gives messages or an Error (never a crash); a Put Message body for any
// text that XML 1.0 can carry, returned in a QueueMessagesList, reads back as the same text.
#include "FuzzCheck.h"

#include "core/QueueMessageXml.h"

using namespace iw;
using iw::fuzz::show;

namespace {

// Characters XML 1.0 allows (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
bool xmlCarries(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        if (u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF) || (u >= 0xE000 && u <= 0xFFFD))
            continue;
        if (QChar::isHighSurrogate(u) && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray xml = iw::fuzz::bytes(data, size);
    const Result<QList<QueueMessage>> list = QueueMessageXml::parseMessagesList(xml);
    if (list) {
        for (const QueueMessage &m : *list)
            FUZZ_CHECK(!m.messageId.isEmpty(), show(QString::fromUtf8(xml)));
    }
    QString code, message;
    (void)QueueMessageXml::parseError(xml, &code, &message);
    const QString text = QString::fromUtf8(xml);
    const QDateTime t = QueueMessageXml::parseRfc1123(text);
    FUZZ_CHECK(!t.isValid() || t.timeSpec() == Qt::UTC, show(text));

    // Round trip: the fuzzer's text as a message.
    const QByteArray put = QueueMessageXml::messageBody(text);
    QByteArray returned = put;
    returned.replace("<QueueMessage>",
                     "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage>"
                     "<MessageId>m1</MessageId><InsertionTime>Sun, 22 Nov 2026 00:13:19 GMT</InsertionTime>"
                     "<DequeueCount>1</DequeueCount>");
    returned.append("</QueueMessagesList>");
    const Result<QList<QueueMessage>> back = QueueMessageXml::parseMessagesList(returned);
    if (xmlCarries(text)) {
        FUZZ_CHECK(back.ok() && back->size() == 1,
                   show(text) + QStringLiteral("\nbody ") + QString::fromUtf8(put));
        const QueueMessage &m = back->first();
        FUZZ_CHECK(m.messageText == text,
                   show(text) + QStringLiteral("\nbody ") + QString::fromUtf8(put) + QStringLiteral("\nread ")
                       + show(m.messageText));
        FUZZ_CHECK(m.messageId == QLatin1String("m1") && m.dequeueCount == 1 && m.insertionTime.isValid(),
                   QString::fromUtf8(returned));
    }
    return 0;
}
