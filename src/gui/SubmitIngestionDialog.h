#pragma once

#include "monitor/OperationBackend.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace iw {

// Submit a tracked queued ingestion (`.ingest-from-storage-queued ... EnableTracking=true`): database,
// table, blob URLs, format and an optional mapping. The new operation is tracked automatically.
class SubmitIngestionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SubmitIngestionDialog(QWidget *parent = nullptr);

    void setRequest(const SubmitIngestionRequest &request);
    SubmitIngestionRequest request() const;
    bool isComplete() const;

private:
    void updateOk();

    QLineEdit *m_database = nullptr;
    QLineEdit *m_table = nullptr;
    QPlainTextEdit *m_urls = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_mapping = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace iw
