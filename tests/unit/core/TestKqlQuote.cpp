#include "core/KqlQuote.h"

#include <QTest>

using namespace iw;

class TestKqlQuote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotes_data();
    void quotes();
    void roundTrips_data();
    void roundTrips();
    void refusesControlCharacters();
    void unquotesTypedForms_data();
    void unquotesTypedForms();
    void rejectsBrokenLiterals_data();
    void rejectsBrokenLiterals();
    void readsLists();
};

void TestKqlQuote::quotes_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("doubleQuoted");
    QTest::addColumn<QString>("singleQuoted");
    QTest::newRow("operation id")
        << QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444")
        << QStringLiteral("\"00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444\"")
        << QStringLiteral("'00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444'");
    QTest::newRow("double quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\\\"b\"")
                                  << QStringLiteral("'a\"b'");
    QTest::newRow("single quote") << QStringLiteral("a'b") << QStringLiteral("\"a'b\"")
                                  << QStringLiteral("'a\\'b'");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("\"a\\\\b\"")
                               << QStringLiteral("'a\\\\b'");
    QTest::newRow("newline") << QStringLiteral("a\nb\r\tc") << QStringLiteral("\"a\\nb\\r\\tc\"")
                             << QStringLiteral("'a\\nb\\r\\tc'");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"") << QStringLiteral("''");
    QTest::newRow("unicode") << QStringLiteral("\u00fc\u65e5") << QStringLiteral("\"\u00fc\u65e5\"")
                             << QStringLiteral("'\u00fc\u65e5'");
}

void TestKqlQuote::quotes()
{
    QFETCH(QString, value);
    QFETCH(QString, doubleQuoted);
    QFETCH(QString, singleQuoted);
    QCOMPARE(kqlQuote(value).value(), doubleQuoted);
    QCOMPARE(kqlQuote(value, KqlQuoteStyle::Single).value(), singleQuoted);
}

void TestKqlQuote::roundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("id") << QStringLiteral("a;b;c");
    QTest::newRow("injection attempt") << QStringLiteral("x'); .drop table T; print ('");
    QTest::newRow("injection attempt 2") << QStringLiteral("x\"\\\" | take 1 //");
    QTest::newRow("all escapes") << QStringLiteral("\\\"'\n\r\t\\\\");
    QTest::newRow("trailing backslash") << QStringLiteral("abc\\");
    QTest::newRow("long") << QString(100000, QLatin1Char('\''));
}

void TestKqlQuote::roundTrips()
{
    QFETCH(QString, value);
    for (const auto style : { KqlQuoteStyle::Double, KqlQuoteStyle::Single }) {
        const QString lit = kqlQuote(value, style).value();
        QVERIFY(!lit.contains(QLatin1Char('\n')));
        QCOMPARE(kqlUnquote(lit).value(), value);
    }
}

void TestKqlQuote::refusesControlCharacters()
{
    const QString withControl = QStringLiteral("a") + QChar(0x01) + QStringLiteral("b");
    const auto r = kqlQuote(withControl);
    QVERIFY(!r.ok());
    QCOMPARE(Error::kindName(r.error().kind), Error::kindName(Error::Kind::Usage));
    QVERIFY(!kqlQuote(QString(1, QChar(0))).ok());
}

void TestKqlQuote::unquotesTypedForms_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("value");
    QTest::newRow("docs cancel example")
        << QStringLiteral("'00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444'")
        << QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444");
    QTest::newRow("spaces around") << QStringLiteral("  \"x\"  ") << QStringLiteral("x");
    QTest::newRow("other quote inside") << QStringLiteral("'say \"hi\"'") << QStringLiteral("say \"hi\"");
    QTest::newRow("escaped other quote") << QStringLiteral("\"it\\'s\"") << QStringLiteral("it's");
    QTest::newRow("verbatim") << QStringLiteral("@\"C:\\path\\\"\"x\"") << QStringLiteral("C:\\path\\\"x");
    QTest::newRow("verbatim single") << QStringLiteral("@'a''b'") << QStringLiteral("a'b");
    QTest::newRow("obfuscated") << QStringLiteral("h'secret'") << QStringLiteral("secret");
    QTest::newRow("obfuscated verbatim") << QStringLiteral("H@\"x\"") << QStringLiteral("x");
}

void TestKqlQuote::unquotesTypedForms()
{
    QFETCH(QString, literal);
    QFETCH(QString, value);
    const auto r = kqlUnquote(literal);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value(), value);
}

void TestKqlQuote::rejectsBrokenLiterals_data()
{
    QTest::addColumn<QString>("literal");
    QTest::newRow("empty") << QString();
    QTest::newRow("bare word") << QStringLiteral("abc");
    QTest::newRow("unterminated") << QStringLiteral("\"abc");
    QTest::newRow("escaped end") << QStringLiteral("\"abc\\\"");
    QTest::newRow("lone backslash at end") << QStringLiteral("\"abc\\");
    QTest::newRow("unknown escape") << QStringLiteral("\"a\\qb\"");
    QTest::newRow("trailing text") << QStringLiteral("'a' or 1==1");
    QTest::newRow("two literals") << QStringLiteral("'a''b'");
    QTest::newRow("raw newline") << QStringLiteral("'a\nb'");
    QTest::newRow("mismatched quotes") << QStringLiteral("'abc\"");
    QTest::newRow("huge unterminated") << QStringLiteral("\"") + QString(10 * 1024 * 1024, QLatin1Char('x'));
}

void TestKqlQuote::rejectsBrokenLiterals()
{
    QFETCH(QString, literal);
    const auto r = kqlUnquote(literal);
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.isEmpty());
}

void TestKqlQuote::readsLists()
{
    // The simulator reads `.show queued ingestion operations ("a", 'b;c')` one literal at a time.
    const QString list = QStringLiteral("\"a\", 'b;c' )");
    qsizetype used = 0;
    QCOMPARE(kqlReadLiteral(list, &used).value(), QStringLiteral("a"));
    QCOMPARE(used, 3);
    const QStringView rest = QStringView(list).mid(used + 1);
    QCOMPARE(kqlReadLiteral(rest, &used).value(), QStringLiteral("b;c"));
    QCOMPARE(rest.mid(used).trimmed(), QStringLiteral(")"));
}

QTEST_APPLESS_MAIN(TestKqlQuote)
#include "TestKqlQuote.moc"
