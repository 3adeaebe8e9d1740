#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace iw {

// One language the user can choose in View > Language. `code` is what QSettings keeps ("" = follow the
// system locale); `name` is the language's own name (never translated: a user must find it).
struct LanguageChoice
{
    QString code;
    QString name;
};

// System, English, Deutsch, Français: the shipped catalogues (translations/ingestwatch_<code>.ts, compiled
// into the binary as :/i18n/ingestwatch_<code>.qm) plus English (the source strings) and "System".
QList<LanguageChoice> languageChoices();

// The saved choice (QSettings "ui/language"), "" when the user never chose or chose System.
QString savedLanguage();
void saveLanguage(const QString &code);

// The language the catalogues are chosen for: `override` when not empty ("de", "fr", "en", "de_DE", ...),
// else the saved choice, else the system locale's UI languages. Returns e.g. "de", or "en" when nothing
// shipped matches (English is the source language: no catalogue needed).
QString effectiveLanguage(const QString &override = QString());

// Loads IngestWatch's catalogue for effectiveLanguage(override) and Qt's own qtbase catalogue for it from
// QLibraryInfo::TranslationsPath when present (the standard dialogs' buttons), installs both on `app`,
// and removes the translators a previous call installed. Call after QCoreApplication::setOrganizationName
// (the saved choice lives in QSettings). Returns the language installed ("en" for none).
QString installTranslations(QCoreApplication &app, const QString &override = QString());

} // namespace iw
