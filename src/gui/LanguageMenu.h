#pragma once

#include <QMenu>

namespace iw {

// View > Language: System / English / Deutsch / Français, one checked. The choice is saved in QSettings
// (ui/language) and applied at the next start (the panes build their texts once); a message says so.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

Q_SIGNALS:
    // The user picked another language (its code, "" = System); already saved.
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);
};

} // namespace iw
