#include "gui/TrackOperationsDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QVBoxLayout>

namespace iw {

TrackOperationsDialog::TrackOperationsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("trackOperationsDialog"));
    setWindowTitle(tr("Track operations"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Paste one or more IngestionOperationIds (one per line, or separated by "
                                "commas or spaces), or import a file of them."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("idsEdit"));
    m_edit->setPlaceholderText(QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444"));
    m_edit->setMinimumSize(520, 160);
    layout->addWidget(m_edit);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    layout->addWidget(m_count);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Track"));
    QPushButton *import = buttons->addButton(tr("Import file…"), QDialogButtonBox::ActionRole);
    import->setObjectName(QStringLiteral("importButton"));
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Import operation ids"), QString(),
                                           tr("Text or CSV files (*.txt *.csv);;All files (*)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!importFile(path, &error))
            m_count->setText(error);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this, buttons] {
        updateCount();
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!ids().isEmpty());
    });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    updateCount();
}

QStringList TrackOperationsDialog::parseIds(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,\"'()]+"));
    static const QSet<QString> words { QStringLiteral(".show"),        QStringLiteral("queued"),
                                       QStringLiteral("ingestion"),    QStringLiteral("operations"),
                                       QStringLiteral("details"),      QStringLiteral("ingestionoperationid"),
                                       QStringLiteral("operationinfo") };
    QStringList out;
    QSet<QString> seen;
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        if (words.contains(p.toLower()) || seen.contains(p))
            continue;
        seen.insert(p);
        out << p;
    }
    return out;
}

QStringList TrackOperationsDialog::ids() const
{
    return parseIds(m_edit->toPlainText());
}

void TrackOperationsDialog::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

bool TrackOperationsDialog::importFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    const QString text = QString::fromUtf8(f.read(16 * 1024 * 1024));
    QString current = m_edit->toPlainText();
    if (!current.isEmpty() && !current.endsWith(QLatin1Char('\n')))
        current += QLatin1Char('\n');
    m_edit->setPlainText(current + text);
    m_imported = true;
    return true;
}

void TrackOperationsDialog::updateCount()
{
    m_count->setText(tr("%n operation id(s)", nullptr, int(ids().size())));
}

} // namespace iw
