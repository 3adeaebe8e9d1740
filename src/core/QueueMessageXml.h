#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace iw {

// One message as the Queue service returns it. Peeked messages have no popReceipt/timeNextVisible.
struct QueueMessage
{
    QString messageId;
    QDateTime insertionTime;
    QDateTime expirationTime;
    QString popReceipt;
    QDateTime timeNextVisible;
    int dequeueCount = 0;
    QString messageText; // verbatim (XML-unescaped); usually base64

    bool operator==(const QueueMessage &) const = default;
};

// The Queue service's XML bodies. Never crashes on malformed, truncated or empty input: Error::Kind::Parse.
class QueueMessageXml
{
public:
    // <QueueMessagesList><QueueMessage>...</QueueMessage>...</QueueMessagesList>
    static Result<QList<QueueMessage>> parseMessagesList(const QByteArray &xml);
    // <QueueMessage><MessageText>...</MessageText></QueueMessage> for Put Message (text XML-escaped).
    static QByteArray messageBody(const QString &messageText);
    // <Error><Code>...</Code><Message>...</Message></Error> (storage, any service). False when not that.
    static bool parseError(const QByteArray &xml, QString *code, QString *message);
    // "Sun, 22 Nov 2026 00:13:19 GMT" -> UTC.
    static QDateTime parseRfc1123(QStringView text);
};

} // namespace iw
