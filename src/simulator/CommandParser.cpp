#include "simulator/CommandParser.h"

namespace iw {

namespace {

struct Token
{
    enum class Type { Ident, String, Number, Punct, End };
    Type type = Type::End;
    QString text; // identifier, decoded string, number text or punctuation
    qsizetype pos = 0;
};

QString describe(const Token &t)
{
    switch (t.type) {
    case Token::Type::End:
        return QStringLiteral("end of command");
    case Token::Type::String:
        return QStringLiteral("string literal");
    default:
        return QStringLiteral("'") + t.text + QStringLiteral("'");
    }
}

Error syntaxError(const QString &what, qsizetype pos)
{
    Error e = Error::make(Error::Kind::Parse,
                          QStringLiteral("Syntax error: %1 (at position %2).").arg(what).arg(pos));
    e.code = QStringLiteral("BadRequest_SyntaxError");
    return e;
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}
bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Splits the command into tokens. String literals are decoded here (KQL escapes: \\ \' \" \n \r \t
// \uXXXX; verbatim @'..' with doubled quotes; h'..' obfuscated strings are plain strings).
class Lexer
{
public:
    explicit Lexer(QStringView s) : m_s(s) { }

    Result<QList<Token>> run()
    {
        QList<Token> out;
        for (;;) {
            skipSpaceAndComments();
            Token t;
            t.pos = m_i;
            if (m_i >= m_s.size()) {
                out.append(t);
                return out;
            }
            const QChar c = m_s[m_i];
            const QChar next = m_i + 1 < m_s.size() ? m_s[m_i + 1] : QChar();
            if ((c == QLatin1Char('@') || c == QLatin1Char('h') || c == QLatin1Char('H'))
                && (next == QLatin1Char('\'') || next == QLatin1Char('"'))) {
                const bool verbatim = c == QLatin1Char('@');
                ++m_i;
                auto s = readString(verbatim);
                if (!s)
                    return s.error();
                t.type = Token::Type::String;
                t.text = s.value();
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                auto s = readString(false);
                if (!s)
                    return s.error();
                t.type = Token::Type::String;
                t.text = s.value();
            } else if (isIdentStart(c)) {
                qsizetype j = m_i;
                while (j < m_s.size()
                       && (isIdentPart(m_s[j])
                           || (m_s[j] == QLatin1Char('-') && j + 1 < m_s.size() && isIdentStart(m_s[j + 1]))))
                    ++j;
                t.type = Token::Type::Ident;
                t.text = m_s.mid(m_i, j - m_i).toString();
                m_i = j;
            } else if (c.isDigit()
                       || (c == QLatin1Char('.') && next.isDigit() && !out.isEmpty()
                           && out.last().type == Token::Type::Punct
                           && out.last().text == QLatin1String("="))) {
                qsizetype j = m_i;
                while (j < m_s.size()
                       && (m_s[j].isDigit() || m_s[j] == QLatin1Char('.') || m_s[j] == QLatin1Char('e')
                           || m_s[j] == QLatin1Char('E')))
                    ++j;
                t.type = Token::Type::Number;
                t.text = m_s.mid(m_i, j - m_i).toString();
                m_i = j;
            } else if (c == QLatin1Char('<') && next == QLatin1Char('|')) {
                t.type = Token::Type::Punct;
                t.text = QStringLiteral("<|");
                m_i += 2;
            } else if (QStringView(u"().,=;[]-").contains(c)) {
                t.type = Token::Type::Punct;
                t.text = QString(c);
                ++m_i;
            } else {
                return syntaxError(QStringLiteral("unexpected character '%1'").arg(c), m_i);
            }
            out.append(t);
        }
    }

private:
    void skipSpaceAndComments()
    {
        while (m_i < m_s.size()) {
            if (m_s[m_i].isSpace()) {
                ++m_i;
            } else if (m_s[m_i] == QLatin1Char('/') && m_i + 1 < m_s.size()
                       && m_s[m_i + 1] == QLatin1Char('/')) {
                while (m_i < m_s.size() && m_s[m_i] != QLatin1Char('\n'))
                    ++m_i;
            } else {
                return;
            }
        }
    }

    Result<QString> readString(bool verbatim)
    {
        const qsizetype start = m_i;
        const QChar quote = m_s[m_i++];
        QString out;
        while (m_i < m_s.size()) {
            const QChar c = m_s[m_i++];
            if (c == quote) {
                if (verbatim && m_i < m_s.size() && m_s[m_i] == quote) {
                    out.append(quote);
                    ++m_i;
                    continue;
                }
                return out;
            }
            if (c == QLatin1Char('\n') && !verbatim)
                return syntaxError(QStringLiteral("newline in string literal"), start);
            if (c != QLatin1Char('\\') || verbatim) {
                out.append(c);
                continue;
            }
            if (m_i >= m_s.size())
                break;
            const QChar e = m_s[m_i++];
            switch (e.unicode()) {
            case 'n':
                out.append(QLatin1Char('\n'));
                break;
            case 'r':
                out.append(QLatin1Char('\r'));
                break;
            case 't':
                out.append(QLatin1Char('\t'));
                break;
            case 'u': {
                if (m_i + 4 > m_s.size())
                    return syntaxError(QStringLiteral("bad \\u escape"), m_i);
                bool ok = false;
                const ushort code = m_s.mid(m_i, 4).toUShort(&ok, 16);
                if (!ok)
                    return syntaxError(QStringLiteral("bad \\u escape"), m_i);
                out.append(QChar(code));
                m_i += 4;
                break;
            }
            case '\\':
            case '\'':
            case '"':
            case '/':
                out.append(e);
                break;
            default:
                return syntaxError(QStringLiteral("unknown escape '\\%1'").arg(e), m_i - 2);
            }
        }
        return syntaxError(QStringLiteral("unterminated string literal"), start);
    }

    QStringView m_s;
    qsizetype m_i = 0;
};

class Parser
{
public:
    explicit Parser(QList<Token> tokens) : m_t(std::move(tokens)) { }

    Result<MgmtCommand> command()
    {
        if (!isPunct(QStringLiteral(".")))
            return fail(QStringLiteral("a management command starting with '.'"));
        ++m_i;
        if (!isIdent())
            return fail(QStringLiteral("a command name"));
        const QString verb = cur().text.toLower();
        ++m_i;
        Result<MgmtCommand> r = syntaxError(QStringLiteral("unknown"), 0);
        if (verb == QLatin1String("show"))
            r = show();
        else if (verb == QLatin1String("cancel"))
            r = cancel();
        else if (verb == QLatin1String("ingest-from-storage-queued"))
            r = ingest();
        else if (verb == QLatin1String("get"))
            r = get();
        else
            return fail(QStringLiteral("a command the ingest endpoint supports (.show queued "
                                       "ingestion operations, .cancel queued ingestion operation, "
                                       ".ingest-from-storage-queued, .get ingestion resources, "
                                       ".get kusto identity token)"));
        if (!r)
            return r;
        if (isPunct(QStringLiteral(";")))
            ++m_i;
        if (cur().type != Token::Type::End)
            return fail(QStringLiteral("end of command"));
        return r;
    }

private:
    const Token &cur() const { return m_t[std::min(m_i, m_t.size() - 1)]; }
    bool isIdent(const char *word = nullptr) const
    {
        return cur().type == Token::Type::Ident
            && (!word || cur().text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0);
    }
    bool isPunct(const QString &p) const { return cur().type == Token::Type::Punct && cur().text == p; }
    Error fail(const QString &expected) const
    {
        return syntaxError(QStringLiteral("expected %1 but found %2").arg(expected, describe(cur())),
                           cur().pos);
    }
    Status words(std::initializer_list<const char *> ws)
    {
        for (const char *w : ws) {
            if (!isIdent(w))
                return fail(QStringLiteral("'") + QLatin1String(w) + QStringLiteral("'"));
            ++m_i;
        }
        return Unit {};
    }
    Result<QString> string(const char *what)
    {
        if (cur().type != Token::Type::String)
            return fail(QLatin1String(what));
        return m_t[m_i++].text;
    }

    Result<MgmtCommand> show()
    {
        if (auto w = words({ "queued", "ingestion", "operations" }); !w)
            return w.error();
        MgmtCommand cmd;
        cmd.kind = MgmtCommand::Kind::ShowQueuedOperations;
        if (isPunct(QStringLiteral("("))) {
            ++m_i;
            for (;;) {
                auto id = string("an operation id string");
                if (!id)
                    return id.error();
                cmd.operationIds.append(id.value());
                if (isPunct(QStringLiteral(","))) {
                    ++m_i;
                    continue;
                }
                if (isPunct(QStringLiteral(")"))) {
                    ++m_i;
                    break;
                }
                return fail(QStringLiteral("',' or ')'"));
            }
        } else {
            auto id = string("an operation id string or '('");
            if (!id)
                return id.error();
            cmd.operationIds.append(id.value());
            if (isIdent("details")) {
                ++m_i;
                cmd.kind = MgmtCommand::Kind::ShowQueuedOperationDetails;
            }
        }
        return cmd;
    }

    Result<MgmtCommand> cancel()
    {
        if (auto w = words({ "queued", "ingestion", "operation" }); !w)
            return w.error();
        MgmtCommand cmd;
        cmd.kind = MgmtCommand::Kind::CancelQueuedOperation;
        auto id = string("an operation id string");
        if (!id)
            return id.error();
        cmd.operationIds.append(id.value());
        return cmd;
    }

    Result<MgmtCommand> get()
    {
        MgmtCommand cmd;
        if (isIdent("ingestion")) {
            if (auto w = words({ "ingestion", "resources" }); !w)
                return w.error();
            cmd.kind = MgmtCommand::Kind::GetIngestionResources;
            return cmd;
        }
        if (auto w = words({ "kusto", "identity", "token" }); !w)
            return w.error();
        cmd.kind = MgmtCommand::Kind::GetKustoIdentityToken;
        return cmd;
    }

    // Table or database name: identifier, or ['name'] / ["name"].
    Result<QString> entityName(const char *what)
    {
        if (isIdent())
            return m_t[m_i++].text;
        if (isPunct(QStringLiteral("["))) {
            ++m_i;
            auto s = string(what);
            if (!s)
                return s;
            if (!isPunct(QStringLiteral("]")))
                return fail(QStringLiteral("']'"));
            ++m_i;
            return s;
        }
        return fail(QLatin1String(what));
    }

    Result<bool> boolValue()
    {
        if (isIdent("true") || isIdent("false")) {
            const bool v = isIdent("true");
            ++m_i;
            return v;
        }
        return fail(QStringLiteral("true or false"));
    }

    Result<MgmtCommand> ingest()
    {
        if (auto w = words({ "into", "table" }); !w)
            return w.error();
        MgmtCommand cmd;
        cmd.kind = MgmtCommand::Kind::IngestFromStorageQueued;
        if (isIdent("database") && m_i + 1 < m_t.size() && m_t[m_i + 1].type == Token::Type::Punct
            && m_t[m_i + 1].text == QLatin1String("(")) {
            m_i += 2;
            auto db = cur().type == Token::Type::String ? string("a database name")
                                                        : entityName("a database name");
            if (!db)
                return db.error();
            if (!isPunct(QStringLiteral(")")))
                return fail(QStringLiteral("')'"));
            ++m_i;
            if (!isPunct(QStringLiteral(".")))
                return fail(QStringLiteral("'.' and a table name"));
            ++m_i;
            cmd.database = db.value();
        }
        auto table = entityName("a table name");
        if (!table)
            return table.error();
        cmd.table = table.value();

        // Flags in any order: EnableTracking=b SkipBatching=b CompressionFactor=r
        for (;;) {
            if (isIdent("EnableTracking") || isIdent("SkipBatching")) {
                const bool tracking = isIdent("EnableTracking");
                ++m_i;
                if (!isPunct(QStringLiteral("=")))
                    return fail(QStringLiteral("'='"));
                ++m_i;
                auto b = boolValue();
                if (!b)
                    return b.error();
                (tracking ? cmd.enableTracking : cmd.skipBatching) = b.value();
            } else if (isIdent("CompressionFactor")) {
                ++m_i;
                if (!isPunct(QStringLiteral("=")))
                    return fail(QStringLiteral("'='"));
                ++m_i;
                bool ok = false;
                const double v = cur().type == Token::Type::Number ? cur().text.toDouble(&ok) : 0;
                if (!ok)
                    return fail(QStringLiteral("a number"));
                ++m_i;
                cmd.compressionFactor = v;
            } else {
                break;
            }
        }

        if (isIdent("with")) {
            ++m_i;
            if (!isPunct(QStringLiteral("(")))
                return fail(QStringLiteral("'('"));
            ++m_i;
            while (!isPunct(QStringLiteral(")"))) {
                if (!isIdent())
                    return fail(QStringLiteral("an ingestion property name"));
                const QString key = m_t[m_i++].text;
                if (!isPunct(QStringLiteral("=")))
                    return fail(QStringLiteral("'='"));
                ++m_i;
                if (cur().type == Token::Type::End || cur().type == Token::Type::Punct)
                    return fail(QStringLiteral("a property value"));
                cmd.properties.append({ key, m_t[m_i++].text });
                if (isPunct(QStringLiteral(",")))
                    ++m_i;
                else if (!isPunct(QStringLiteral(")")))
                    return fail(QStringLiteral("',' or ')'"));
            }
            ++m_i;
        }

        if (!isPunct(QStringLiteral("<|")))
            return fail(QStringLiteral("'<|' and the blob URLs"));
        ++m_i;
        if (isPunct(QStringLiteral("."))) {
            Error e = syntaxError(
                QStringLiteral(".list blobs as an ingestion source is not supported by the simulator"),
                cur().pos);
            e.code = QStringLiteral("BadRequest_NotSupported");
            return e;
        }
        for (;;) {
            auto url = string("a blob URL string");
            if (!url)
                return url.error();
            if (url.value().trimmed().isEmpty()) {
                Error e = syntaxError(QStringLiteral("empty blob URL"), cur().pos);
                e.code = QStringLiteral("BadRequest_EmptyBlobUri");
                return e;
            }
            cmd.sourceUrls.append(url.value());
            if (isPunct(QStringLiteral(",")))
                ++m_i;
            if (cur().type != Token::Type::String)
                break;
        }
        return cmd;
    }

    QList<Token> m_t;
    qsizetype m_i = 0;
};

} // namespace

QString MgmtCommand::property(const QString &name) const
{
    for (const auto &p : properties) {
        if (p.first.compare(name, Qt::CaseInsensitive) == 0)
            return p.second;
    }
    return {};
}

QString toString(MgmtCommand::Kind k)
{
    switch (k) {
    case MgmtCommand::Kind::ShowQueuedOperations:
        return QStringLiteral("ShowQueuedOperations");
    case MgmtCommand::Kind::ShowQueuedOperationDetails:
        return QStringLiteral("ShowQueuedOperationDetails");
    case MgmtCommand::Kind::CancelQueuedOperation:
        return QStringLiteral("CancelQueuedOperation");
    case MgmtCommand::Kind::IngestFromStorageQueued:
        return QStringLiteral("IngestFromStorageQueued");
    case MgmtCommand::Kind::GetIngestionResources:
        return QStringLiteral("GetIngestionResources");
    case MgmtCommand::Kind::GetKustoIdentityToken:
        return QStringLiteral("GetKustoIdentityToken");
    }
    return {};
}

Result<MgmtCommand> CommandParser::parse(QStringView csl)
{
    if (csl.size() > 4 * 1024 * 1024)
        return syntaxError(QStringLiteral("command too long"), 0);
    auto tokens = Lexer(csl).run();
    if (!tokens)
        return tokens.error();
    return Parser(std::move(tokens).value()).command();
}

} // namespace iw
