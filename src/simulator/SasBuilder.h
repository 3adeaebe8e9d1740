#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace iw {

// Service SAS tokens signed with the account key, as the service hands them out in
// `.get ingestion resources` (see shared/reference/azure-storage-rest.md §3.5). Tokens come without '?'.
class SasBuilder
{
public:
    SasBuilder(QString account, QByteArray decodedKey)
        : m_account(std::move(account)), m_key(std::move(decodedKey))
    { }

    // sp e.g. "raup"; signed version 2021-12-02.
    QString queueSas(const QString &queue, const QString &permissions, const QDateTime &start,
                     const QDateTime &expiry) const;
    // sp e.g. "raud"; signed version 2019-02-02 (what the table SDK uses), with tn=<table>.
    QString tableSas(const QString &table, const QString &permissions, const QDateTime &start,
                     const QDateTime &expiry) const;
    // Container SAS (sr=c), sp e.g. "rwdl"; signed version 2021-12-02.
    QString containerSas(const QString &container, const QString &permissions, const QDateTime &start,
                         const QDateTime &expiry) const;

    static QString isoSeconds(const QDateTime &t); // 2024-01-01T00:00:00Z

private:
    QString token(const QList<QPair<QString, QString>> &params, const QByteArray &stringToSign) const;
    QString m_account;
    QByteArray m_key;
};

} // namespace iw
