#include "core/Redaction.h"

#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace iw {

namespace {

// What a secret is replaced with. Every rule below leaves text that no rule changes again (idempotence).
constexpr QLatin1String kRedacted("REDACTED");

struct Rule
{
    QRegularExpression re;
    QString replacement;
};

QRegularExpression compiled(const QString &pattern)
{
    QRegularExpression re(pattern, QRegularExpression::CaseInsensitiveOption);
    // Compile now, once: matching a compiled pattern from several threads only reads it.
    re.optimize();
    Q_ASSERT(re.isValid());
    return re;
}

// Names of query / form parameters whose value is a secret (besides "code", see rules()).
constexpr QLatin1String kQueryParameterNames[]
    = { QLatin1String("sig"), QLatin1String("client_secret"), QLatin1String("access_token"),
        QLatin1String("refresh_token"), QLatin1String("id_token") };

// A parameter name as a service reads it: every character plain or percent-encoded (any case of the
// letter, any case of the hex digits: the pattern is matched case-insensitively), also encoded twice as
// in a URL nested in another one's query (%2573 for 's').
QString queryNamePattern(QLatin1String name)
{
    QString out = QStringLiteral("(?:");
    for (const char c : name) {
        out += QStringLiteral("(?:") + QRegularExpression::escape(QString(QLatin1Char(c)));
        const char lower = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        const char upper = (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
        for (const char e : { lower, upper }) {
            out += QStringLiteral("|%(?:25)?") + QString::number(uchar(e), 16);
            if (lower == upper)
                break;
        }
        out += QLatin1Char(')');
    }
    return out + QLatin1Char(')');
}

const std::vector<Rule> &rules()
{
    static const std::vector<Rule> r = [] {
        std::vector<Rule> v;
        // Connection-string values run up to the next ';' (a SAS in SharedAccessSignature holds '&').
        // The storage names are found also glued to what precedes them ("StorageAccountKey=", or a
        // malformed "TableEndpoint=https://x?.tSharedAccessSignature=..." that lost its ';'); the short,
        // common words only on their own.
        v.push_back({ compiled(QStringLiteral(R"(((?:AccountKey|SharedAccessKey)|)"
                                              R"((?<![A-Za-z0-9_])(?:Application\s?Key|AppKey|Password|Pwd))"
                                              R"()(\s*=\s*)[^;\s"'<>]++)")),
                      QStringLiteral("\\1\\2") + kRedacted });
        // A SAS wrapped over lines (pasted from a mail) goes on after the line break while the next piece
        // still holds parameters ("...&sp=rl\n&sig=..."), up to the next ';'.
        v.push_back({ compiled(QStringLiteral(R"((SharedAccessSignature)(\s*=\s*)[^;\s"'<>]++)"
                                              R"((?:\s++(?=[^;\s"'<>&=]*+[&=])[^;\s"'<>]++)*+)")),
                      QStringLiteral("\\1\\2") + kRedacted });
        // Query / form parameters, plain or percent-encoded inside another URL (%26sig%3D...). A service
        // decodes and case-folds parameter names, so "s%69g=", "%53IG=" and "client%5Fsecret=" are names
        // of secrets too (queryNamePattern). An authorization code only in a query (?code= / &code=).
        // Possessive loops only: a backtracking loop over a megabyte-long value would hit the matcher's
        // stack limit, the match would fail, and the secret would stay.
        const QString value = QStringLiteral(R"((?:[^&;\s"'<>#,\\%]++|%(?!26))++)");
        QStringList names;
        for (const QLatin1String name : kQueryParameterNames)
            names << queryNamePattern(name);
        v.push_back({ compiled(QStringLiteral(R"(((?:(?<![A-Za-z0-9_])|(?<=%26)|(?<=%3F))(?:)")
                               + names.join(QLatin1Char('|')) + QStringLiteral(R"()(?:=|%3D)))") + value),
                      QStringLiteral("\\1") + kRedacted });
        v.push_back(
            { compiled(QStringLiteral(R"(((?:(?<=[?&])|(?<=%26)|(?<=%3F)))")
                       + queryNamePattern(QLatin1String("code")) + QStringLiteral(R"((?:=|%3D)))") + value),
              QStringLiteral("\\1") + kRedacted });
        // Authorization header values.
        v.push_back({ compiled(QStringLiteral(R"((\bBearer\s+)[A-Za-z0-9\-._~+/=]+)")),
                      QStringLiteral("\\1") + kRedacted });
        v.push_back({ compiled(QStringLiteral(R"((\bSharedKey(?:Lite)?\s+[^:\s]+:)[A-Za-z0-9+/=]+)")),
                      QStringLiteral("\\1") + kRedacted });
        // A JSON Web Token anywhere (header.payload.signature, both JSON parts start with '{"').
        v.push_back(
            { compiled(QStringLiteral(R"(\beyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")),
              QString(kRedacted) });
        // URL user info: scheme://user:password@host -> scheme://REDACTED@host
        v.push_back({ compiled(QStringLiteral(R"((\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s?#@"'<>]+@)")),
                      QStringLiteral("\\1") + kRedacted + QLatin1Char('@') });
        return v;
    }();
    return r;
}

// JSON members, also when the JSON is itself escaped inside a string: "access_token": "...". Searched
// with overlaps (each search starts one character after the previous match's start, not at its end), so a
// member whose key hides inside another member's value ("sig":\"sig\":\"SECRET\") is found too.
void redactJsonMembers(QString &s)
{
    static const QRegularExpression key = compiled(QStringLiteral(
        R"(\\?"(?:access_token|refresh_token|id_token|client_secret|AccountKey|SharedAccessKey|)"
        R"(SharedAccessSignature|password|authorizationContext|sig)\\?"\s*:\s*\\?")"));
    // Values end at the first quote or backslash and a key ends with a quote: distinct values never overlap.
    std::vector<std::pair<qsizetype, qsizetype>> values;
    for (qsizetype from = 0;;) {
        const QRegularExpressionMatch m = key.match(s, from);
        if (!m.hasMatch())
            break;
        qsizetype end = m.capturedEnd();
        while (end < s.size() && s.at(end) != QLatin1Char('"') && s.at(end) != QLatin1Char('\\'))
            ++end;
        // A search that starts inside the last key can find its tail again ("sig\":\" of \"sig\":\"): same
        // value.
        if (values.empty() || values.back().first != m.capturedEnd())
            values.emplace_back(m.capturedEnd(), end);
        from = m.capturedStart() + 1;
    }
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        s.replace(it->first, it->second - it->first, kRedacted);
}

} // namespace

QString redact(QStringView text)
{
    QString s = text.toString();
    redactJsonMembers(s);
    for (const Rule &rule : rules())
        s.replace(rule.re, rule.replacement);
    return s;
}

QString redact(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    QUrl copy = url;
    if (!copy.userInfo().isEmpty())
        copy.setUserInfo(kRedacted);
    if (copy.hasQuery()) {
        // Work on the encoded query so that nothing but the secret values changes.
        QStringList items = copy.query(QUrl::FullyEncoded).split(QLatin1Char('&'));
        for (QString &item : items) {
            const qsizetype eq = item.indexOf(QLatin1Char('='));
            if (eq <= 0)
                continue;
            const QString key = QUrl::fromPercentEncoding(item.left(eq).toLatin1()).toLower();
            if (key == QLatin1String("sig") || key == QLatin1String("client_secret")
                || key == QLatin1String("access_token") || key == QLatin1String("refresh_token")
                || key == QLatin1String("id_token") || key == QLatin1String("code"))
                item = item.left(eq + 1) + kRedacted;
        }
        copy.setQuery(items.join(QLatin1Char('&')), QUrl::TolerantMode);
    }
    // The text rules catch what the structured pass cannot see (fragments, nested URLs).
    return redact(QStringView(copy.toString()));
}

} // namespace iw
