#include "core/QueueMessageXml.h"

#include <QLocale>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace iw {

QDateTime QueueMessageXml::parseRfc1123(QStringView text)
{
    QDateTime dt = QLocale::c().toDateTime(text.trimmed().toString(),
                                           QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!dt.isValid())
        return {};
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

Result<QList<QueueMessage>> QueueMessageXml::parseMessagesList(const QByteArray &xml)
{
    if (xml.trimmed().isEmpty())
        return Error::parse(QStringLiteral("Empty queue response"));
    QXmlStreamReader r(xml);
    QList<QueueMessage> out;
    bool sawList = false;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("QueueMessagesList")) {
            sawList = true;
            continue;
        }
        if (!sawList || r.name() != QLatin1String("QueueMessage"))
            continue;
        QueueMessage m;
        while (r.readNextStartElement()) {
            const QStringView name = r.name();
            const QString value = r.readElementText(QXmlStreamReader::IncludeChildElements);
            if (name == QLatin1String("MessageId"))
                m.messageId = value;
            else if (name == QLatin1String("InsertionTime"))
                m.insertionTime = parseRfc1123(value);
            else if (name == QLatin1String("ExpirationTime"))
                m.expirationTime = parseRfc1123(value);
            else if (name == QLatin1String("PopReceipt"))
                m.popReceipt = value;
            else if (name == QLatin1String("TimeNextVisible"))
                m.timeNextVisible = parseRfc1123(value);
            else if (name == QLatin1String("DequeueCount"))
                m.dequeueCount = value.trimmed().toInt();
            else if (name == QLatin1String("MessageText"))
                m.messageText = value;
        }
        if (r.hasError())
            break;
        if (m.messageId.isEmpty())
            return Error::parse(QStringLiteral("Queue message without MessageId"));
        out.append(std::move(m));
    }
    if (r.hasError())
        return Error::parse(QStringLiteral("Queue response is not valid XML: %1 (line %2)")
                                .arg(r.errorString())
                                .arg(r.lineNumber()));
    if (!sawList)
        return Error::parse(QStringLiteral("Queue response has no QueueMessagesList"));
    return out;
}

QByteArray QueueMessageXml::messageBody(const QString &messageText)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartElement(QStringLiteral("QueueMessage"));
    w.writeTextElement(QStringLiteral("MessageText"), messageText);
    w.writeEndElement();
    return out;
}

bool QueueMessageXml::parseError(const QByteArray &xml, QString *code, QString *message)
{
    QXmlStreamReader r(xml);
    bool inError = false;
    bool found = false;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("Error")) {
            inError = true;
            found = true;
            continue;
        }
        if (!inError)
            continue;
        if (r.name() == QLatin1String("Code")) {
            const QString v = r.readElementText(QXmlStreamReader::IncludeChildElements);
            if (code)
                *code = v.trimmed();
        } else if (r.name() == QLatin1String("Message")) {
            const QString v = r.readElementText(QXmlStreamReader::IncludeChildElements);
            if (message)
                *message = v.trimmed();
        }
    }
    return found;
}

} // namespace iw
