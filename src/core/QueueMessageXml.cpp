#include "core/QueueMessageXml.h"

#include <QLocale>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace iw {

namespace {

// The fixed layout every queue answer uses, "Sun, 22 Nov 2026 00:13:19 GMT", read directly: QLocale's
// format parser costs ~70,000 instructions a date and each message carries three (BenchNotifications'
// callgrind profile: 11 % of a whole drain). Anything else (or a weekday that does not match the date)
// returns an invalid QDateTime and goes through QLocale below, exactly as before.
QDateTime parseFixedRfc1123(QStringView t)
{
    if (t.size() != 29 || t[3] != u',' || t[4] != u' ' || t[7] != u' ' || t[11] != u' ' || t[16] != u' '
        || t[19] != u':' || t[22] != u':' || t[25] != u' ' || t.mid(26) != u"GMT")
        return {};
    const auto num = [t](qsizetype at, qsizetype n) {
        int v = 0;
        for (qsizetype i = at; i < at + n; ++i) {
            const char16_t c = t[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + int(c - u'0');
        }
        return v;
    };
    static constexpr char16_t kMonths[] = u"JanFebMarAprMayJunJulAugSepOctNovDec";
    static constexpr char16_t kDays[] = u"MonTueWedThuFriSatSun";
    int month = 0;
    for (int m = 0; m < 12 && month == 0; ++m)
        if (t.mid(8, 3) == QStringView(kMonths + 3 * m, 3))
            month = m + 1;
    const int day = num(5, 2), year = num(12, 4), hour = num(17, 2), minute = num(20, 2), second = num(23, 2);
    if (month == 0 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid() || t.left(3) != QStringView(kDays + 3 * (date.dayOfWeek() - 1), 3))
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime QueueMessageXml::parseRfc1123(QStringView text)
{
    if (QDateTime fast = parseFixedRfc1123(text.trimmed()); fast.isValid())
        return fast;
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
    w.writeStartElement(QStringLiteral("MessageText"));
    // A reader turns a raw CR (and CRLF) into LF (XML end-of-line handling), so CR goes out as a character
    // reference: the queue then returns the text unchanged.
    const QStringList pieces = messageText.split(QLatin1Char('\r'));
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i > 0)
            w.writeEntityReference(QStringLiteral("#xD"));
        w.writeCharacters(pieces.at(i));
    }
    w.writeEndElement();
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
