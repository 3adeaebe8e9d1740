#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;

namespace iw {

// Track existing operations: paste one or many IngestionOperationIds, or import a text/CSV file of them.
class TrackOperationsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TrackOperationsDialog(QWidget *parent = nullptr);

    QStringList ids() const;
    bool imported() const { return m_imported; }
    void setText(const QString &text);
    // Reads ids from a file: one per line or comma/whitespace separated, quotes and a header line allowed.
    bool importFile(const QString &path, QString *error = nullptr);

    // Ids in free text. Ids hold ';' so only whitespace, commas, quotes and parentheses separate them;
    // words such as the `.show queued ingestion operations` command or a CSV header are skipped.
    static QStringList parseIds(const QString &text);

private:
    void updateCount();

    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;
    bool m_imported = false;
};

} // namespace iw
