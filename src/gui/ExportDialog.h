#pragma once

#include "gui/ViewCsvExport.h"

#include <QDialog>

#include <functional>

class QAbstractItemView;
class QCheckBox;
class QLineEdit;
class QRadioButton;

namespace iw {

// Asks how to export a view to CSV (all or selected rows, a byte order mark for Excel, secrets redacted
// unless the operator explicitly asks otherwise, the file), then runs the export off the GUI thread with a
// progress dialog that can cancel it.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    using SpecFactory = std::function<CsvExportSpec(const QList<int> &sourceRows, bool redactSecrets)>;

    ExportDialog(QAbstractItemView *view, SpecFactory factory, const QString &suggestedName,
                 QWidget *parent = nullptr);

    bool selectedOnly() const;
    bool byteOrderMark() const;
    bool redactSecrets() const;
    QString path() const;
    void setPath(const QString &path);

    // Starts the export as chosen; the returned object reports progress and deletes itself when done.
    ViewCsvExport *startExport();

    // The whole flow: dialog, then export with a progress dialog. Returns false when the operator cancelled.
    static bool run(QAbstractItemView *view, SpecFactory factory, const QString &suggestedName,
                    QWidget *parent);

private:
    void browse();

    QAbstractItemView *m_view;
    SpecFactory m_factory;
    QRadioButton *m_all;
    QRadioButton *m_selected;
    QCheckBox *m_bom;
    QCheckBox *m_secrets;
    QLineEdit *m_path;
};

} // namespace iw
