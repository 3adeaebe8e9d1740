#include "gui/SubmitIngestionDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace iw {

SubmitIngestionDialog::SubmitIngestionDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("submitIngestionDialog"));
    setWindowTitle(tr("Submit queued ingestion"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_table = new QLineEdit(this);
    m_table->setObjectName(QStringLiteral("tableEdit"));
    m_urls = new QPlainTextEdit(this);
    m_urls->setObjectName(QStringLiteral("urlsEdit"));
    m_urls->setPlaceholderText(tr("One blob URL per line (with a SAS or ;managed_identity=...)"));
    m_urls->setMinimumSize(520, 120);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItems({ QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("psv"),
                         QStringLiteral("json"), QStringLiteral("multijson"), QStringLiteral("parquet"),
                         QStringLiteral("avro"), QStringLiteral("orc"), QStringLiteral("txt") });
    m_mapping = new QLineEdit(this);
    m_mapping->setObjectName(QStringLiteral("mappingEdit"));
    m_mapping->setPlaceholderText(tr("optional ingestionMappingReference"));
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Table:"), m_table);
    form->addRow(tr("&Blob URLs:"), m_urls);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Mapping:"), m_mapping);
    layout->addLayout(form);
    auto *note
        = new QLabel(tr("The operation is submitted with EnableTracking=true and tracked here."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Submit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    for (QLineEdit *e : { m_database, m_table })
        connect(e, &QLineEdit::textChanged, this, &SubmitIngestionDialog::updateOk);
    connect(m_urls, &QPlainTextEdit::textChanged, this, &SubmitIngestionDialog::updateOk);
    updateOk();
}

void SubmitIngestionDialog::setRequest(const SubmitIngestionRequest &request)
{
    m_database->setText(request.database);
    m_table->setText(request.table);
    m_urls->setPlainText(request.blobUrls.join(QLatin1Char('\n')));
    const int i = m_format->findText(request.format);
    if (i >= 0)
        m_format->setCurrentIndex(i);
    m_mapping->setText(request.mappingReference);
}

SubmitIngestionRequest SubmitIngestionDialog::request() const
{
    SubmitIngestionRequest r;
    r.database = m_database->text().trimmed();
    r.table = m_table->text().trimmed();
    const QStringList lines = m_urls->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &l : lines)
        if (!l.trimmed().isEmpty())
            r.blobUrls << l.trimmed();
    r.format = m_format->currentText();
    r.mappingReference = m_mapping->text().trimmed();
    return r;
}

bool SubmitIngestionDialog::isComplete() const
{
    const SubmitIngestionRequest r = request();
    return !r.database.isEmpty() && !r.table.isEmpty() && !r.blobUrls.isEmpty();
}

void SubmitIngestionDialog::updateOk()
{
    m_ok->setEnabled(isComplete());
}

} // namespace iw
