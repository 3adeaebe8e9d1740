// The shipped catalogues are complete for the sources as they are now: lupdate is run over src/ and ui/
// into a temporary copy of each translations/ingestwatch_<lang>.ts (the committed files are never
// touched), then every message must be translated: no type="unfinished" (a new or changed string), no
// type="vanished"/"obsolete" (a string the sources no longer have: the catalogue is stale), every numerus
// form filled in, and the same %1..%99 / %n placeholders as the source.
// Refresh after changing strings: cmake --build <build> --target update_translations, then translate
// what is marked unfinished (Qt Linguist, or by hand) and rebuild.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; // translation type attribute: "", unfinished, vanished, obsolete
    bool numerus = false;
    QStringList forms; // the translation, or its numerus forms
};

QList<Message> readCatalogue(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.forms << xml.readElementText();
            } else {
                current.forms << xml.readElementText();
            }
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

QString where(const Message &m)
{
    return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(80));
}

} // namespace

class TestTranslationCatalogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void catalogueIsComplete()
    {
        QFETCH(QString, lang);
        const QDir source(QStringLiteral(IW_SOURCE_DIR));
        const QString shipped = source.filePath(QStringLiteral("translations/ingestwatch_%1.ts").arg(lang));
        QVERIFY2(QFile::exists(shipped), qPrintable(shipped));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString copy = tmp.filePath(QStringLiteral("ingestwatch_%1.ts").arg(lang));
        QVERIFY(QFile::copy(shipped, copy));

        // The same scan as the update_translations target (translations/CMakeLists.txt), but keeping
        // what vanished so that a stale catalogue is seen.
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(IW_LUPDATE_BIN),
                      { QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-silent"),
                        QStringLiteral("-I"), source.filePath(QStringLiteral("src")),
                        source.filePath(QStringLiteral("src")), source.filePath(QStringLiteral("ui")),
                        QStringLiteral("-ts"), copy });
        QVERIFY2(lupdate.waitForFinished(60000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAll().constData());

        QString error;
        const QList<Message> messages = readCatalogue(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 100, "lupdate found almost no strings: wrong source folder?");

        QStringList problems;
        int live = 0;
        for (const Message &m : messages) {
            if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete")) {
                problems << QStringLiteral("no longer in the sources (stale catalogue): %1").arg(where(m));
                continue;
            }
            ++live;
            if (m.type == QLatin1String("unfinished")) {
                problems << QStringLiteral("unfinished: %1").arg(where(m));
                continue;
            }
            if (m.numerus && m.forms.size() != 2) // German and French have two plural forms
                problems
                    << QStringLiteral("%1 numerus forms instead of 2: %2").arg(m.forms.size()).arg(where(m));
            const QSet<QString> wanted = placeholders(m.source);
            for (const QString &form : m.forms) {
                QSet<QString> got = placeholders(form);
                QSet<QString> want = wanted;
                if (m.numerus && !got.contains(QStringLiteral("%n"))) // "ein Vorgang" for n == 1 is fine
                    want.remove(QStringLiteral("%n"));
                if (form.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                    problems << QStringLiteral("empty translation: %1").arg(where(m));
                else if (got != want)
                    problems
                        << QStringLiteral("placeholders differ in \"%1\": %2").arg(form.left(80), where(m));
            }
        }
        const QString hint = QStringLiteral("\nRefresh: cmake --build <build> --target update_translations, "
                                            "then translate translations/ingestwatch_%1.ts")
                                 .arg(lang);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 messages need work:\n  ").arg(problems.size()).arg(live)
                            + problems.join(QStringLiteral("\n  ")) + hint));
    }
};

QTEST_GUILESS_MAIN(TestTranslationCatalogs)
#include "TestTranslationCatalogs.moc"
