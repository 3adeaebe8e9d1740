#include "simulator/SasBuilder.h"

#include "azure/SharedKeySigner.h"

#include <QUrl>

namespace iw {

QString SasBuilder::isoSeconds(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString SasBuilder::token(const QList<QPair<QString, QString>> &params, const QByteArray &stringToSign) const
{
    QString out;
    for (const auto &p : params) {
        if (!out.isEmpty())
            out += QLatin1Char('&');
        out += p.first + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(p.second));
    }
    const QByteArray sig = SharedKeySigner::sign(m_key, stringToSign);
    return out + QStringLiteral("&sig=")
        + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(sig)));
}

QString SasBuilder::queueSas(const QString &queue, const QString &sp, const QDateTime &start,
                             const QDateTime &expiry) const
{
    const QString sv = QStringLiteral("2021-12-02");
    const QString st = isoSeconds(start), se = isoSeconds(expiry);
    const QString sts = sp + u'\n' + st + u'\n' + se + u'\n' + QStringLiteral("/queue/") + m_account + u'/'
        + queue + QStringLiteral("\n\n\n\n") + sv;
    return token({ { QStringLiteral("sv"), sv },
                   { QStringLiteral("st"), st },
                   { QStringLiteral("se"), se },
                   { QStringLiteral("sp"), sp } },
                 sts.toUtf8());
}

QString SasBuilder::tableSas(const QString &table, const QString &sp, const QDateTime &start,
                             const QDateTime &expiry) const
{
    const QString sv = QStringLiteral("2019-02-02");
    const QString st = isoSeconds(start), se = isoSeconds(expiry);
    const QString sts = sp + u'\n' + st + u'\n' + se + u'\n' + QStringLiteral("/table/") + m_account + u'/'
        + table.toLower() + QStringLiteral("\n\n\n") + u'\n' + sv + QStringLiteral("\n\n\n\n");
    return token({ { QStringLiteral("sv"), sv },
                   { QStringLiteral("tn"), table },
                   { QStringLiteral("st"), st },
                   { QStringLiteral("se"), se },
                   { QStringLiteral("sp"), sp } },
                 sts.toUtf8());
}

QString SasBuilder::containerSas(const QString &container, const QString &sp, const QDateTime &start,
                                 const QDateTime &expiry) const
{
    const QString sv = QStringLiteral("2021-12-02");
    const QString st = isoSeconds(start), se = isoSeconds(expiry);
    // sp, st, se, resource, si, sip, spr, sv, sr, snapshot time, ses, rscc, rscd, rsce, rscl, rsct
    const QString sts = sp + u'\n' + st + u'\n' + se + u'\n' + QStringLiteral("/blob/") + m_account + u'/'
        + container + QStringLiteral("\n\n\n\n") + sv + QStringLiteral("\nc\n\n\n\n\n\n\n");
    return token({ { QStringLiteral("sv"), sv },
                   { QStringLiteral("st"), st },
                   { QStringLiteral("se"), se },
                   { QStringLiteral("sr"), QStringLiteral("c") },
                   { QStringLiteral("sp"), sp } },
                 sts.toUtf8());
}

} // namespace iw
