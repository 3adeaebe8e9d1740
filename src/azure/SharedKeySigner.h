#pragma once

#include "azure/HttpPipeline.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace iw {

// The Azure Storage SharedKey string-to-sign layouts and HMAC-SHA256 (see
// shared/reference/azure-storage-rest.md §3). Pure functions; unit-tested against fixed vectors.
class SharedKeySigner
{
public:
    // base64(HMAC-SHA256(key, UTF-8 stringToSign)); `key` is the DECODED account key.
    static QByteArray sign(const QByteArray &key, const QByteArray &stringToSign);

    // "Mon, 01 Jan 2024 00:00:00 GMT" (C locale, always GMT).
    static QByteArray rfc1123(const QDateTime &utc);

    // "/" + account + the URL path exactly as encoded on the wire [+ "?comp=" + value] (Table,
    // SharedKey[Lite] and Queue SharedKeyLite). Path-style emulator URLs therefore name the account twice.
    static QByteArray tableCanonicalResource(const QString &account, const QUrl &url);
    // "/" + account + path, then "\n" + name + ":" + decoded values (comma-joined) per query parameter,
    // sorted by lower-case name (Queue/Blob SharedKey).
    static QByteArray queueCanonicalResource(const QString &account, const QUrl &url);
    // Every x-ms-* header: "name:value\n", lower-case names, sorted.
    static QByteArray canonicalizedHeaders(const HttpHeaders &headers);

    static QByteArray tableStringToSign(const QByteArray &verb, const QByteArray &contentMd5,
                                        const QByteArray &contentType, const QByteArray &date,
                                        const QByteArray &canonicalResource);
    static QByteArray tableLiteStringToSign(const QByteArray &date, const QByteArray &canonicalResource);
    // Queue/Blob SharedKey (version 2015-02-21 and later: Content-Length empty when 0).
    static QByteArray queueStringToSign(const QByteArray &verb, const HttpHeaders &headers,
                                        qint64 contentLength, const QByteArray &canonicalResource);
};

} // namespace iw
