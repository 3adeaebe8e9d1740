#include "core/TableEntityJsonReader.h"

#include "core/TableEntityJson.h"

#include <QVarLengthArray>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace iw {

namespace {

// Qt's JSON parser (the reference) limits nesting to 1024 containers.
constexpr int kMaxDepth = 1024;

const QLatin1String kAnnotation("@odata.type");

enum class KeyKind : quint8 { Property, PartitionKey, RowKey, Timestamp, ETag, OData, Annotation };

struct Key
{
    QByteArray raw; // the bytes between the quotes, as in the document
    QString name; // decoded
    KeyKind kind = KeyKind::Property;
    int id = 0; // canonical id: keys that decode to the same name share it
    QString target; // Annotation: the annotated property's name
    int nextHint = -1; // the key that followed this one last time (entities repeat their key order)
};

struct PendingAnnotation
{
    QString target;
    EdmType type;
};

inline bool isSpace(uchar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

inline int hexValue(uchar c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// QString::fromUtf8 drops a leading byte order mark; inside a JSON string it is text and must stay.
QString fromUtf8(const uchar *s, qsizetype n)
{
    if (n < 3 || s[0] != 0xEF || s[1] != 0xBB || s[2] != 0xBF)
        return QString::fromUtf8(reinterpret_cast<const char *>(s), n);
    QString out;
    out.reserve(n);
    while (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        out += QChar(0xFEFF);
        s += 3;
        n -= 3;
    }
    out += QString::fromUtf8(reinterpret_cast<const char *>(s), n);
    return out;
}

// Same rules as the reference conversion of annotated strings (TableEntityJson.cpp).
QVariant convertString(const QString &s, EdmType t)
{
    switch (t) {
    case EdmType::DateTime: {
        const QDateTime dt = parseIsoDateTimeUtc(s);
        return dt.isValid() ? QVariant(dt) : QVariant(s);
    }
    case EdmType::Int64: {
        bool ok = false;
        const qint64 v = s.toLongLong(&ok);
        return ok ? QVariant(v) : QVariant(s);
    }
    case EdmType::Int32: {
        bool ok = false;
        const int v = s.toInt(&ok);
        return ok ? QVariant(v) : QVariant(s);
    }
    case EdmType::Double: {
        if (s == QLatin1String("NaN"))
            return std::numeric_limits<double>::quiet_NaN();
        if (s == QLatin1String("Infinity"))
            return std::numeric_limits<double>::infinity();
        if (s == QLatin1String("-Infinity"))
            return -std::numeric_limits<double>::infinity();
        bool ok = false;
        const double v = s.toDouble(&ok);
        return ok ? QVariant(v) : QVariant(s);
    }
    case EdmType::Binary: {
        auto r = QByteArray::fromBase64Encoding(s.toLatin1());
        return r ? QVariant(r.decoded) : QVariant(s);
    }
    case EdmType::Boolean:
        return QVariant(s.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
    default:
        return s;
    }
}

void typeString(TableProperty &p, const QString &s, EdmType annotated)
{
    p.type = annotated;
    p.value = convertString(s, annotated);
    if (p.type != EdmType::String && p.value.metaType().id() == QMetaType::QString && p.type != EdmType::Guid)
        p.type = EdmType::String; // the annotation lied: keep the text
}

class Reader
{
public:
    explicit Reader(QByteArrayView json)
        : m_begin(reinterpret_cast<const uchar *>(json.data())), m_p(m_begin), m_end(m_begin + json.size())
    { }

    Result<QList<TableEntity>> page();
    Result<TableEntity> entity();

private:
    // --- lexical level (the same grammar and limits as Qt's QJsonDocument::fromJson) --------------------
    bool fail(const char *what)
    {
        if (m_error.isEmpty()) {
            m_error = QString::fromLatin1(what);
            m_errorOffset = m_p - m_begin;
        }
        return false;
    }
    void ws()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool expect(uchar c, const char *what)
    {
        ws();
        if (m_p >= m_end || *m_p != c)
            return fail(what);
        ++m_p;
        return true;
    }
    // At '"': scans to the closing quote, validating UTF-8 and escapes. [s, e) are the raw bytes inside.
    bool scanString(const uchar *&s, const uchar *&e, bool &escaped);
    static QString decode(const uchar *s, const uchar *e, bool escaped);
    // Number: the same scan as Qt; isInt with the value in i, else d.
    bool scanNumber(bool &isInt, qint64 &i, double &d);
    bool literal(const char *word, int n)
    {
        if (m_end - m_p < n || std::memcmp(m_p, word, n) != 0)
            return fail("illegal value");
        m_p += n;
        return true;
    }
    bool skipValue(int depth); // any value, validated; depth = containers already open
    // --- table level ----------------------------------------------------------------------------------
    bool root(bool pageMode);
    bool valueArray(int depth);
    bool entityObject(int depth, TableEntity &e, bool &bad);
    const Key &key(const uchar *s, const uchar *e, bool escaped);

    const uchar *m_begin;
    const uchar *m_p;
    const uchar *m_end;
    QString m_error;
    qsizetype m_errorOffset = 0;

    // interned keys
    std::vector<Key> m_keys;
    int m_lastKey = -1;
    int m_firstKey = -1; // the first key of the previous entity
    // per-entity duplicate detection
    std::vector<quint32> m_seen;
    quint32 m_generation = 0;
    QVarLengthArray<PendingAnnotation, 8> m_annotations;
    qsizetype m_propertyHint = 8;

    // page state: the last "value" member decides (as in the reference, where the last duplicate wins)
    bool m_sawValue = false;
    bool m_valueIsArray = false;
    QString m_semanticError;
    QList<TableEntity> m_entities;
    TableEntity m_single;
};

bool Reader::scanString(const uchar *&s, const uchar *&e, bool &escaped)
{
    ++m_p; // opening quote
    s = m_p;
    escaped = false;
    const uchar *p = m_p;
    while (true) {
        // fast run over plain ASCII: 8 bytes at a time while none is '"', '\\' or >= 0x80
        constexpr quint64 lo = 0x0101010101010101ULL;
        constexpr quint64 hi = 0x8080808080808080ULL;
        while (m_end - p >= 8) {
            quint64 w;
            std::memcpy(&w, p, 8);
            const quint64 q = w ^ (lo * '"');
            const quint64 b = w ^ (lo * '\\');
            if ((((q - lo) & ~q) | ((b - lo) & ~b) | w) & hi)
                break;
            p += 8;
        }
        while (p < m_end && *p != '"' && *p != '\\' && *p < 0x80)
            ++p;
        if (p >= m_end) {
            m_p = p;
            return fail("unterminated string");
        }
        const uchar c = *p;
        if (c == '"')
            break;
        if (c == '\\') {
            escaped = true;
            ++p;
            if (p >= m_end) {
                m_p = p;
                return fail("unterminated string");
            }
            const uchar x = *p;
            if (x == 'u') {
                if (m_end - p < 5) {
                    m_p = p;
                    return fail("invalid escape sequence");
                }
                for (int k = 1; k <= 4; ++k) {
                    if (hexValue(p[k]) < 0) {
                        m_p = p + k;
                        return fail("invalid escape sequence");
                    }
                }
                p += 5;
            } else {
                ++p; // \" \\ \/ \b \f \n \r \t, and (as Qt) any other byte stands for itself (Latin-1)
            }
            continue;
        }
        // UTF-8 sequence: no overlong forms, no surrogates, nothing above U+10FFFF
        int n;
        char32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            m_p = p;
            return fail("invalid UTF8 string");
        }
        if (m_end - p <= n) {
            m_p = p;
            return fail("invalid UTF8 string");
        }
        for (int k = 1; k <= n; ++k) {
            if ((p[k] & 0xC0) != 0x80) {
                m_p = p;
                return fail("invalid UTF8 string");
            }
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            m_p = p;
            return fail("invalid UTF8 string");
        }
        p += n + 1;
    }
    e = p;
    m_p = p + 1;
    return true;
}

QString Reader::decode(const uchar *s, const uchar *e, bool escaped)
{
    if (!escaped) // as Qt stores such a string: UTF-8, read back with QString::fromUtf8 (drops a leading BOM)
        return QString::fromUtf8(reinterpret_cast<const char *>(s), e - s);
    // Validated already: decode UTF-8 runs and escapes (each \uXXXX is one UTF-16 unit, as in Qt, so
    // surrogate pairs join and lone surrogates are kept).
    QString out;
    out.reserve(e - s);
    const uchar *run = s;
    const uchar *p = s;
    const auto flush = [&]() {
        if (p > run)
            out += fromUtf8(run, p - run);
    };
    while (p < e) {
        if (*p != '\\') {
            ++p;
            continue;
        }
        flush();
        const uchar x = p[1];
        char16_t ch;
        switch (x) {
        case 'b':
            ch = 0x8;
            break;
        case 'f':
            ch = 0xc;
            break;
        case 'n':
            ch = 0xa;
            break;
        case 'r':
            ch = 0xd;
            break;
        case 't':
            ch = 0x9;
            break;
        case 'u':
            ch = char16_t((hexValue(p[2]) << 12) | (hexValue(p[3]) << 8) | (hexValue(p[4]) << 4)
                          | hexValue(p[5]));
            p += 4;
            break;
        default:
            ch = x;
        }
        out += QChar(ch);
        p += 2;
        run = p;
    }
    flush();
    return out;
}

bool Reader::scanNumber(bool &isInt, qint64 &i, double &d)
{
    const uchar *start = m_p;
    const uchar *p = m_p;
    bool neg = false;
    if (p < m_end && *p == '-') {
        neg = true;
        ++p;
    }
    const uchar *digits = p;
    if (p < m_end && *p == '0')
        ++p;
    else
        while (p < m_end && *p >= '0' && *p <= '9')
            ++p;
    const uchar *digitsEnd = p;
    bool plain = true;
    if (p < m_end && *p == '.') {
        plain = false;
        ++p;
        while (p < m_end && *p >= '0' && *p <= '9')
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        plain = false;
        ++p;
        if (p < m_end && (*p == '-' || *p == '+'))
            ++p;
        while (p < m_end && *p >= '0' && *p <= '9')
            ++p;
    }
    m_p = p;
    if (p >= m_end)
        return fail("unterminated number");
    if (plain && digitsEnd > digits && digitsEnd - digits <= 18) {
        qint64 v = 0;
        for (const uchar *q = digits; q < digitsEnd; ++q)
            v = v * 10 + (*q - '0');
        isInt = true;
        i = neg ? -v : v;
        return true;
    }
    if (!plain) {
        // Fast path: std::from_chars (correctly rounded, as the reference's double-conversion). Anything
        // out of range, subnormal or unusual takes the reference path below, so results stay identical.
        double v = 0;
        const auto [end, ec]
            = std::from_chars(reinterpret_cast<const char *>(start), reinterpret_cast<const char *>(p), v);
        if (ec == std::errc() && end == reinterpret_cast<const char *>(p)
            && (v == 0 || std::fpclassify(v) == FP_NORMAL)) {
            isInt = false;
            d = v;
            return true;
        }
    }
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(start), p - start);
    bool ok = false;
    if (plain) {
        const qint64 v = text.toLongLong(&ok);
        if (ok) {
            isInt = true;
            i = v;
            return true;
        }
    }
    isInt = false;
    d = text.toDouble(&ok);
    if (!ok) {
        m_p = start;
        return fail("illegal number");
    }
    return true;
}

bool Reader::skipValue(int depth)
{
    // Iterative, so that deep nesting cannot overflow the stack; the same depth limit as the reference.
    QVarLengthArray<uchar, 64> stack; // '{' or '['
    bool expectKey = false;
    while (true) {
        ws();
        if (m_p >= m_end)
            return fail("unterminated value");
        if (expectKey) {
            const uchar *s, *e;
            bool esc;
            if (*m_p != '"' || !scanString(s, e, esc))
                return fail("object key expected");
            if (!expect(':', "colon expected"))
                return false;
            ws();
            if (m_p >= m_end)
                return fail("unterminated value");
            expectKey = false;
        }
        const uchar c = *m_p;
        if (c == '{' || c == '[') {
            if (depth + stack.size() + 1 > kMaxDepth)
                return fail("too deeply nested");
            ++m_p;
            ws();
            if (m_p < m_end && *m_p == (c == '{' ? '}' : ']')) {
                ++m_p; // empty container: a complete value
            } else {
                stack.append(c);
                expectKey = c == '{';
                continue;
            }
        } else if (c == '"') {
            const uchar *s, *e;
            bool esc;
            if (!scanString(s, e, esc))
                return false;
        } else if (c == 't') {
            if (!literal("true", 4))
                return false;
        } else if (c == 'f') {
            if (!literal("false", 5))
                return false;
        } else if (c == 'n') {
            if (!literal("null", 4))
                return false;
        } else {
            bool isInt;
            qint64 i;
            double d;
            if (!scanNumber(isInt, i, d))
                return false;
        }
        // after a complete value: close containers or go on with the next member/element
        while (true) {
            if (stack.isEmpty())
                return true;
            ws();
            if (m_p >= m_end)
                return fail("unterminated container");
            const uchar open = stack.last();
            if (*m_p == ',') {
                ++m_p;
                expectKey = open == '{';
                break;
            }
            if (*m_p == (open == '{' ? '}' : ']')) {
                ++m_p;
                stack.removeLast();
                continue;
            }
            return fail("comma or end of container expected");
        }
    }
}

const Key &Reader::key(const uchar *s, const uchar *e, bool escaped)
{
    const qsizetype n = e - s;
    const auto same = [&](const Key &k) {
        return k.raw.size() == n && std::memcmp(k.raw.constData(), s, n) == 0;
    };
    {
        const int hint = m_lastKey >= 0 ? m_keys[m_lastKey].nextHint : m_firstKey;
        if (hint >= 0 && same(m_keys[hint])) {
            m_lastKey = hint;
            return m_keys[hint];
        }
    }
    int found = -1;
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
        if (same(m_keys[k])) {
            found = int(k);
            break;
        }
    }
    if (found < 0) {
        Key k;
        k.raw = QByteArray(reinterpret_cast<const char *>(s), n);
        k.name = decode(s, e, escaped);
        k.id = int(m_keys.size());
        for (const Key &other : m_keys) {
            if (other.name == k.name) {
                k.id = other.id;
                break;
            }
        }
        if (k.name == QLatin1String("PartitionKey"))
            k.kind = KeyKind::PartitionKey;
        else if (k.name == QLatin1String("RowKey"))
            k.kind = KeyKind::RowKey;
        else if (k.name == QLatin1String("Timestamp"))
            k.kind = KeyKind::Timestamp;
        else if (k.name == QLatin1String("odata.etag"))
            k.kind = KeyKind::ETag;
        else if (k.name.startsWith(QLatin1String("odata.")))
            k.kind = KeyKind::OData;
        else if (k.name.endsWith(kAnnotation)) {
            k.kind = KeyKind::Annotation;
            k.target = k.name.left(k.name.size() - kAnnotation.size());
        }
        m_keys.push_back(std::move(k));
        found = int(m_keys.size()) - 1;
    }
    if (m_lastKey >= 0)
        m_keys[m_lastKey].nextHint = found;
    else
        m_firstKey = found;
    m_lastKey = found;
    return m_keys[found];
}

// At '{' of an entity. bad = the entity breaks a table rule (non-string key); the document may still be fine.
bool Reader::entityObject(int depth, TableEntity &e, bool &bad)
{
    const uchar *objectStart = m_p;
    if (depth + 1 > kMaxDepth)
        return fail("too deeply nested");
    ++m_p;
    bad = false;
    bool slow = false; // duplicate keys or nested values: this entity goes through the reference
    if (++m_generation == 0) {
        std::fill(m_seen.begin(), m_seen.end(), 0);
        m_generation = 1;
    }
    m_annotations.clear();
    m_lastKey = -1;
    e.properties.reserve(m_propertyHint);
    // properties whose annotation may come later: index -> raw JSON kind (s = string, n = number)
    QVarLengthArray<std::pair<qsizetype, char>, 16> untyped;

    ws();
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
        return true;
    }
    while (true) {
        ws();
        if (m_p >= m_end || *m_p != '"')
            return fail("object key expected");
        const uchar *ks, *ke;
        bool kesc;
        if (!scanString(ks, ke, kesc))
            return false;
        const Key &k = key(ks, ke, kesc);
        const int id = k.id;
        if (std::size_t(id) >= m_seen.size())
            m_seen.resize(m_keys.size() + 8, 0);
        if (m_seen[id] == m_generation)
            slow = true;
        m_seen[id] = m_generation;
        if (!expect(':', "colon expected"))
            return false;
        ws();
        if (m_p >= m_end)
            return fail("unterminated object");
        const uchar c = *m_p;
        if (slow || c == '{' || c == '[') {
            slow = true;
            if (!skipValue(depth + 1))
                return false;
        } else if (c == '"') {
            const uchar *s, *se;
            bool esc;
            if (!scanString(s, se, esc))
                return false;
            switch (k.kind) {
            case KeyKind::PartitionKey:
                e.partitionKey = decode(s, se, esc);
                break;
            case KeyKind::RowKey:
                e.rowKey = decode(s, se, esc);
                break;
            case KeyKind::Timestamp:
                e.timestampText = decode(s, se, esc);
                e.timestamp = esc ? parseIsoDateTimeUtc(e.timestampText)
                                  : parseIsoDateTimeUtcBytes(QByteArrayView(s, se - s));
                break;
            case KeyKind::ETag:
                e.etag = decode(s, se, esc);
                break;
            case KeyKind::OData:
                break;
            case KeyKind::Annotation:
                m_annotations.append({ k.target, edmTypeFromString(decode(s, se, esc)) });
                break;
            case KeyKind::Property: {
                TableProperty p;
                p.name = k.name;
                const PendingAnnotation *ann = nullptr;
                for (const PendingAnnotation &a : m_annotations) {
                    if (a.target == k.name) {
                        ann = &a;
                        break;
                    }
                }
                if (!ann) {
                    p.value = decode(s, se, esc);
                    untyped.append({ e.properties.size(), 's' });
                } else if (ann->type == EdmType::DateTime && !esc) {
                    const QDateTime dt = parseIsoDateTimeUtcBytes(QByteArrayView(s, se - s));
                    if (dt.isValid()) {
                        p.type = EdmType::DateTime;
                        p.value = dt;
                    } else {
                        p.value = decode(s, se, esc);
                    }
                } else {
                    typeString(p, decode(s, se, esc), ann->type);
                }
                e.properties.append(std::move(p));
                break;
            }
            }
        } else if (c == 't' || c == 'f' || c == 'n') {
            const bool isNull = c == 'n';
            if (!(c == 't' ? literal("true", 4) : c == 'f' ? literal("false", 5) : literal("null", 4)))
                return false;
            switch (k.kind) {
            case KeyKind::PartitionKey:
            case KeyKind::RowKey:
                bad = true;
                break;
            case KeyKind::ETag:
                e.etag.clear();
                break;
            case KeyKind::OData:
            case KeyKind::Annotation:
                break;
            case KeyKind::Timestamp:
            case KeyKind::Property: {
                TableProperty p;
                p.name = k.name;
                if (isNull) {
                    p.type = EdmType::Null;
                } else {
                    p.type = EdmType::Boolean;
                    p.value = c == 't';
                }
                e.properties.append(std::move(p));
                break;
            }
            }
        } else {
            bool isInt = false;
            qint64 i = 0;
            double d = 0;
            if (!scanNumber(isInt, i, d))
                return false;
            switch (k.kind) {
            case KeyKind::PartitionKey:
            case KeyKind::RowKey:
                bad = true;
                break;
            case KeyKind::ETag:
                e.etag.clear();
                break;
            case KeyKind::OData:
            case KeyKind::Annotation:
                break;
            case KeyKind::Timestamp:
            case KeyKind::Property: {
                TableProperty p;
                p.name = k.name;
                if (isInt) {
                    if (i >= std::numeric_limits<int>::min() && i <= std::numeric_limits<int>::max()) {
                        p.type = EdmType::Int32;
                        p.value = int(i);
                    } else {
                        p.type = EdmType::Double;
                        p.value = double(i);
                    }
                } else if (std::trunc(d) == d && d >= std::numeric_limits<int>::min()
                           && d <= std::numeric_limits<int>::max()) {
                    p.type = EdmType::Int32;
                    p.value = static_cast<int>(d);
                } else {
                    p.type = EdmType::Double;
                    p.value = d;
                }
                untyped.append({ e.properties.size(), 'n' });
                e.properties.append(std::move(p));
                break;
            }
            }
        }
        ws();
        if (m_p >= m_end)
            return fail("unterminated object");
        if (*m_p == ',') {
            ++m_p;
            continue;
        }
        if (*m_p == '}') {
            ++m_p;
            break;
        }
        return fail("comma or end of object expected");
    }

    if (slow) {
        // Rare shapes: let the reference decide this one entity (last duplicate wins, nested JSON as text).
        const QByteArray object(reinterpret_cast<const char *>(objectStart), m_p - objectStart);
        Result<TableEntity> r = TableEntityJson::parseEntityReference(object);
        bad = !r;
        if (r)
            e = std::move(r).value();
        return true;
    }
    // Annotations that came after their value (or a Timestamp that is not a string: a plain property).
    if (!m_annotations.isEmpty()) {
        for (const auto &[index, kind] : untyped) {
            TableProperty &p = e.properties[index];
            for (const PendingAnnotation &a : m_annotations) {
                if (a.target != p.name)
                    continue;
                if (kind == 's') {
                    const QString s = p.value.toString();
                    typeString(p, s, a.type);
                } else if (a.type == EdmType::Double) {
                    const double d = p.value.toDouble();
                    p.type = EdmType::Double;
                    p.value = d;
                } else if (a.type == EdmType::Int64) {
                    const double d = p.value.toDouble();
                    p.type = EdmType::Int64;
                    p.value = static_cast<qint64>(d);
                }
                break;
            }
        }
    }
    m_propertyHint = std::max<qsizetype>(m_propertyHint, e.properties.size());
    return true;
}

bool Reader::valueArray(int depth)
{
    // At '['. The elements are entities.
    if (depth + 1 > kMaxDepth)
        return fail("too deeply nested");
    ++m_p;
    m_entities.clear();
    m_semanticError.clear();
    ws();
    if (m_p < m_end && *m_p == ']') {
        ++m_p;
        return true;
    }
    qsizetype index = 0;
    while (true) {
        ws();
        if (m_p >= m_end)
            return fail("unterminated array");
        if (*m_p == '{') {
            TableEntity e;
            bool bad = false;
            if (!entityObject(depth + 1, e, bad))
                return false;
            if (bad && m_semanticError.isEmpty())
                m_semanticError = QStringLiteral("Table response: value[%1] has a non-string key").arg(index);
            if (m_semanticError.isEmpty())
                m_entities.append(std::move(e));
        } else {
            if (!skipValue(depth + 1))
                return false;
            if (m_semanticError.isEmpty())
                m_semanticError = QStringLiteral("Table response: value[%1] is not an object").arg(index);
        }
        ++index;
        ws();
        if (m_p >= m_end)
            return fail("unterminated array");
        if (*m_p == ',') {
            ++m_p;
            continue;
        }
        if (*m_p == ']') {
            ++m_p;
            return true;
        }
        return fail("comma or end of array expected");
    }
}

bool Reader::root(bool pageMode)
{
    // A UTF-8 byte order mark is skipped, as Qt does.
    if (m_end - m_p > 3 && m_p[0] == 0xEF && m_p[1] == 0xBB && m_p[2] == 0xBF)
        m_p += 3;
    ws();
    if (m_p >= m_end)
        return fail("illegal value");
    if (*m_p != '{') {
        if (!skipValue(0))
            return false;
        m_semanticError = QStringLiteral("not a JSON object");
    } else if (!pageMode) {
        bool bad = false;
        if (!entityObject(0, m_single, bad))
            return false;
        if (bad)
            m_semanticError = QStringLiteral("Table entity has a non-string key");
    } else {
        ++m_p;
        ws();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
        } else {
            while (true) {
                ws();
                if (m_p >= m_end || *m_p != '"')
                    return fail("object key expected");
                const uchar *ks, *ke;
                bool kesc;
                if (!scanString(ks, ke, kesc))
                    return false;
                const bool isValue = (!kesc && ke - ks == 5 && std::memcmp(ks, "value", 5) == 0)
                    || (kesc && decode(ks, ke, kesc) == QLatin1String("value"));
                if (!expect(':', "colon expected"))
                    return false;
                ws();
                if (m_p >= m_end)
                    return fail("unterminated object");
                if (isValue) {
                    m_sawValue = true;
                    m_valueIsArray = *m_p == '[';
                    if (m_valueIsArray) {
                        if (!valueArray(1))
                            return false;
                    } else {
                        if (!skipValue(1))
                            return false;
                        m_entities.clear();
                        m_semanticError.clear();
                    }
                } else if (!skipValue(1)) {
                    return false;
                }
                ws();
                if (m_p >= m_end)
                    return fail("unterminated object");
                if (*m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (*m_p == '}') {
                    ++m_p;
                    break;
                }
                return fail("comma or end of object expected");
            }
        }
    }
    ws();
    if (m_p < m_end)
        return fail("garbage at the end of the document");
    return true;
}

Result<QList<TableEntity>> Reader::page()
{
    if (m_begin == m_end)
        return Error::parse(QStringLiteral("Empty table response"));
    if (!root(true))
        return Error::parse(
            QStringLiteral("Table response is not JSON: %1 at offset %2").arg(m_error).arg(m_errorOffset));
    if (m_semanticError == QLatin1String("not a JSON object"))
        return Error::parse(QStringLiteral("Table response is not a JSON object"));
    if (!m_sawValue || !m_valueIsArray)
        return Error::parse(QStringLiteral("Table response has no \"value\" array"));
    if (!m_semanticError.isEmpty())
        return Error::parse(m_semanticError);
    return std::move(m_entities);
}

Result<TableEntity> Reader::entity()
{
    if (m_begin == m_end)
        return Error::parse(QStringLiteral("Empty table response"));
    if (!root(false))
        return Error::parse(
            QStringLiteral("Table response is not JSON: %1 at offset %2").arg(m_error).arg(m_errorOffset));
    if (m_semanticError == QLatin1String("not a JSON object"))
        return Error::parse(QStringLiteral("Table response is not a JSON object"));
    if (!m_semanticError.isEmpty())
        return Error::parse(m_semanticError);
    return std::move(m_single);
}

} // namespace

Result<QList<TableEntity>> TableEntityJsonReader::parsePage(QByteArrayView json)
{
    return Reader(json).page();
}

Result<TableEntity> TableEntityJsonReader::parseEntity(QByteArrayView json)
{
    return Reader(json).entity();
}

} // namespace iw
