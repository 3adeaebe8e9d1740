#include "gui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTranslator>

namespace iw {

namespace {

const QString kSettingsKey = QStringLiteral("ui/language");

// The translators the last installTranslations() put on the application, removed by the next call.
QList<QPointer<QTranslator>> &installedTranslators()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

// "de_DE", "de-AT", "fr_CA.UTF-8" -> "de", "de", "fr".
QString baseLanguage(const QString &name)
{
    QString s = name.trimmed().toLower();
    const qsizetype cut = s.indexOf(QRegularExpression(QStringLiteral("[-_.@]")));
    return cut < 0 ? s : s.left(cut);
}

bool shipped(const QString &lang)
{
    return lang == QLatin1String("de") || lang == QLatin1String("fr");
}

} // namespace

QList<LanguageChoice> languageChoices()
{
    return { { QString(), QCoreApplication::translate("iw::Translations", "System") },
             { QStringLiteral("en"), QStringLiteral("English") },
             { QStringLiteral("de"), QStringLiteral("Deutsch") },
             { QStringLiteral("fr"), QStringLiteral("Français") } };
}

QString savedLanguage()
{
    return QSettings().value(kSettingsKey).toString();
}

void saveLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
}

QString effectiveLanguage(const QString &override)
{
    QStringList wanted;
    if (!override.isEmpty())
        wanted << override;
    else if (const QString saved = savedLanguage(); !saved.isEmpty())
        wanted << saved;
    else
        wanted = QLocale::system().uiLanguages();
    for (const QString &w : std::as_const(wanted)) {
        const QString lang = baseLanguage(w);
        if (shipped(lang))
            return lang;
        if (lang == QLatin1String("en") || lang == QLatin1String("c"))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString installTranslations(QCoreApplication &app, const QString &override)
{
    for (const QPointer<QTranslator> &t : std::as_const(installedTranslators())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installedTranslators().clear();

    const QString lang = effectiveLanguage(override);
    if (lang == QLatin1String("en"))
        return lang;
    // Qt's own strings first (installed later = looked up first, so ours win on a clash).
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installedTranslators() << qt;
    } else {
        delete qt;
    }
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/ingestwatch_") + lang)) {
        QCoreApplication::installTranslator(own);
        installedTranslators() << own;
    } else {
        delete own;
        return QStringLiteral("en");
    }
    return lang;
}

} // namespace iw
