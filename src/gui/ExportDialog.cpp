#include "gui/ExportDialog.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace iw {

ExportDialog::ExportDialog(QAbstractItemView *view, SpecFactory factory, const QString &suggestedName,
                           QWidget *parent)
    : QDialog(parent), m_view(view), m_factory(std::move(factory))
{
    setWindowTitle(tr("Export to CSV"));
    auto *layout = new QVBoxLayout(this);
    const int all = view && view->model() ? view->model()->rowCount() : 0;
    const int selected = view && view->selectionModel()
        ? static_cast<int>(view->selectionModel()->selectedRows().size())
        : 0;
    m_all = new QRadioButton(tr("All %n row(s) shown", nullptr, all), this);
    m_selected = new QRadioButton(tr("The %n selected row(s)", nullptr, selected), this);
    m_selected->setEnabled(selected > 0);
    (selected > 0 ? m_selected : m_all)->setChecked(true);
    layout->addWidget(m_all);
    layout->addWidget(m_selected);
    m_bom = new QCheckBox(tr("Byte order mark (for Excel)"), this);
    layout->addWidget(m_bom);
    m_secrets = new QCheckBox(tr("Include SAS secrets unredacted"), this);
    m_secrets->setToolTip(tr("Off by default: sig= and keys are replaced so the file can be shared."));
    layout->addWidget(m_secrets);
    connect(m_secrets, &QCheckBox::toggled, this, [this](bool on) {
        if (on
            && QMessageBox::warning(this, tr("Include secrets?"),
                                    tr("The file will contain SAS signatures that grant access to storage. "
                                       "Anyone who reads the file can use them. Include them?"),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                != QMessageBox::Yes)
            m_secrets->setChecked(false);
    });
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(dir.isEmpty() ? QDir::homePath() : dir).filePath(suggestedName));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    pathRow->addWidget(new QLabel(tr("File:"), this));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    layout->addLayout(pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

bool ExportDialog::selectedOnly() const
{
    return m_selected->isChecked();
}
bool ExportDialog::byteOrderMark() const
{
    return m_bom->isChecked();
}
bool ExportDialog::redactSecrets() const
{
    return !m_secrets->isChecked();
}
QString ExportDialog::path() const
{
    return m_path->text();
}
void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::browse()
{
    const QString p = QFileDialog::getSaveFileName(this, tr("Export to CSV"), m_path->text(),
                                                   tr("CSV files (*.csv);;All files (*)"));
    if (!p.isEmpty())
        m_path->setText(p);
}

ViewCsvExport *ExportDialog::startExport()
{
    const QList<int> rows = CsvExportSpec::sourceRows(
        m_view ? m_view->model() : nullptr, m_view ? m_view->selectionModel() : nullptr, selectedOnly());
    ViewCsvExport::Options o;
    o.byteOrderMark = byteOrderMark();
    auto *e = new ViewCsvExport(m_factory(rows, redactSecrets()), path(), o, parentWidget());
    connect(e, &ViewCsvExport::finished, e, &QObject::deleteLater);
    e->start();
    return e;
}

bool ExportDialog::run(QAbstractItemView *view, SpecFactory factory, const QString &suggestedName,
                       QWidget *parent)
{
    ExportDialog dialog(view, std::move(factory), suggestedName, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return false;
    ViewCsvExport *e = dialog.startExport();
    auto *progress = new QProgressDialog(tr("Exporting to %1…").arg(dialog.path()), tr("Cancel"), 0,
                                         int(std::max<qint64>(1, e->total())), parent);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(e, &ViewCsvExport::progress, progress,
            [progress](qint64 done, qint64) { progress->setValue(int(done)); });
    connect(progress, &QProgressDialog::canceled, e, &ViewCsvExport::cancel);
    const QString path = dialog.path();
    connect(e, &ViewCsvExport::finished, progress, [progress, parent, path](bool ok, const Error &error) {
        progress->close();
        if (!ok && error.kind != Error::Kind::Canceled)
            QMessageBox::warning(parent, tr("Export failed"),
                                 tr("Nothing was written to %1: %2").arg(path, error.toString()));
    });
    return true;
}

} // namespace iw
