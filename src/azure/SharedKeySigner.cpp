#include "azure/SharedKeySigner.h"

#include <QLocale>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <map>

namespace iw {

QByteArray SharedKeySigner::sign(const QByteArray &key, const QByteArray &stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256).toBase64();
}

QByteArray SharedKeySigner::rfc1123(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QByteArray SharedKeySigner::tableCanonicalResource(const QString &account, const QUrl &url)
{
    QByteArray out = '/' + account.toUtf8() + url.path(QUrl::FullyEncoded).toUtf8();
    const QString query = url.query(QUrl::FullyEncoded);
    for (const QStringView part : QStringView(query).split(QLatin1Char('&'))) {
        if (part.startsWith(QLatin1String("comp="), Qt::CaseInsensitive)) {
            out += "?comp=" + QUrl::fromPercentEncoding(part.mid(5).toUtf8()).toUtf8();
            break;
        }
    }
    return out;
}

QByteArray SharedKeySigner::queueCanonicalResource(const QString &account, const QUrl &url)
{
    QByteArray out = '/' + account.toUtf8() + url.path(QUrl::FullyEncoded).toUtf8();
    std::map<QByteArray, QList<QByteArray>> params;
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = QUrl::fromPercentEncoding(eq < 0 ? part : part.left(eq)).toLower().toUtf8();
        const QByteArray value = eq < 0 ? QByteArray() : QUrl::fromPercentEncoding(part.mid(eq + 1)).toUtf8();
        params[name].append(value);
    }
    for (auto &[name, values] : params) {
        std::sort(values.begin(), values.end());
        out += '\n' + name + ':' + values.join(',');
    }
    return out;
}

QByteArray SharedKeySigner::canonicalizedHeaders(const HttpHeaders &headers)
{
    std::map<QByteArray, QByteArray> xms;
    for (const auto &h : headers) {
        const QByteArray name = h.first.toLower().trimmed();
        if (name.startsWith("x-ms-"))
            xms[name] = h.second.trimmed();
    }
    QByteArray out;
    for (const auto &[name, value] : xms)
        out += name + ':' + value + '\n';
    return out;
}

QByteArray SharedKeySigner::tableStringToSign(const QByteArray &verb, const QByteArray &contentMd5,
                                              const QByteArray &contentType, const QByteArray &date,
                                              const QByteArray &canonicalResource)
{
    return verb + '\n' + contentMd5 + '\n' + contentType + '\n' + date + '\n' + canonicalResource;
}

QByteArray SharedKeySigner::tableLiteStringToSign(const QByteArray &date, const QByteArray &canonicalResource)
{
    return date + '\n' + canonicalResource;
}

QByteArray SharedKeySigner::queueStringToSign(const QByteArray &verb, const HttpHeaders &headers,
                                              qint64 contentLength, const QByteArray &canonicalResource)
{
    const auto h = [&headers](const char *name) {
        return findHeader(headers, name);
    };
    QByteArray s = verb + '\n';
    s += h("Content-Encoding") + '\n';
    s += h("Content-Language") + '\n';
    s += (contentLength > 0 ? QByteArray::number(contentLength) : QByteArray()) + '\n';
    s += h("Content-MD5") + '\n';
    s += h("Content-Type") + '\n';
    s += h("Date") + '\n';
    s += h("If-Modified-Since") + '\n';
    s += h("If-Match") + '\n';
    s += h("If-None-Match") + '\n';
    s += h("If-Unmodified-Since") + '\n';
    s += h("Range") + '\n';
    s += canonicalizedHeaders(headers);
    s += canonicalResource;
    return s;
}

} // namespace iw
