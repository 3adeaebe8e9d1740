#include "gui/LanguageMenu.h"

#include "gui/Translations.h"

#include <QActionGroup>
#include <QMessageBox>

namespace iw {

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("menuLanguage"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    const QString saved = savedLanguage();
    for (const LanguageChoice &c : languageChoices()) {
        QAction *a = addAction(c.name);
        a->setCheckable(true);
        a->setChecked(c.code == saved);
        a->setData(c.code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = c.code] { choose(code); });
    }
}

void LanguageMenu::choose(const QString &code)
{
    if (code == savedLanguage())
        return;
    saveLanguage(code);
    Q_EMIT languageChosen(code);
    // Not exec(): nothing waits on the answer, and a test can trigger the action without a nested loop.
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("IngestWatch will use the new language the next time it starts."),
                                QMessageBox::Ok, parentWidget());
    box->setObjectName(QStringLiteral("languageRestartNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace iw
