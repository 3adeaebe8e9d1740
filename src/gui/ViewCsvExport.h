#pragma once

#include "core/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QAbstractItemModel;
class QItemSelectionModel;
class QThread;
class QTimer;

namespace iw {

class CsvWriter;
class IngestionStatusModel;
class NotificationModel;

// What to export: the header (the service's field names) and how to turn one source row into cells.
struct CsvExportSpec
{
    QStringList header;
    QPointer<QAbstractItemModel> model; // the source model the rows index
    std::function<QStringList(int sourceRow)> row; // runs on the GUI thread
    // Optional fast path with the same cells as `row`: writes one source row's cells into a CsvWriter (no
    // endRow()) on the GUI thread; false when the row does not exist. When set, slices are encoded on the GUI
    // thread straight into UTF-8 and the worker thread only writes the bytes.
    std::function<bool(int sourceRow, CsvWriter &csv)> write;
    QList<int> rows; // source rows in export order

    // Statuses: the twelve IngestionStatus fields; IngestionSourcePath and Details redacted unless asked.
    static CsvExportSpec statuses(const IngestionStatusModel *model, const QList<int> &rows,
                                  bool redactSecrets);
    // Notifications: every field of the service's messages plus the queue envelope.
    static CsvExportSpec notifications(const NotificationModel *model, const QList<int> &rows,
                                       bool redactSecrets);
    // Any table model: header from headerData, cells from DisplayRole (redacted unless asked).
    static CsvExportSpec displayed(const QAbstractItemModel *model, const QList<int> &rows,
                                   bool redactSecrets);
    // The source rows of a view: the selected rows (when any and `selectedOnly`), else every row, in the
    // view's order; `view` may be a proxy chain over the source model.
    static QList<int> sourceRows(const QAbstractItemModel *viewModel, const QItemSelectionModel *selection,
                                 bool selectedOnly);
};

// Writes a CsvExportSpec to a file off the GUI thread: rows are read from the model on the GUI thread in
// short slices (the model belongs to that thread) and written by a worker thread through iw::CsvWriter into
// a QSaveFile, which is committed (renamed over the target) only when every row is written. A cancelled or
// failed export leaves no file behind, not even a partial one.
class ViewCsvExport : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool byteOrderMark = false; // for Excel
        bool neutraliseFormulas = true;
        int rowsPerSlice = 2000;
    };
    ViewCsvExport(CsvExportSpec spec, QString path, Options options, QObject *parent = nullptr);
    explicit ViewCsvExport(CsvExportSpec spec, QString path, QObject *parent = nullptr)
        : ViewCsvExport(std::move(spec), std::move(path), Options {}, parent)
    { }
    ~ViewCsvExport() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    qint64 total() const { return m_spec.rows.size(); }
    QString path() const { return m_path; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // Once: ok, or an Error (Canceled when cancelled). The file exists only after an ok.
    void finished(bool ok, const iw::Error &error);

private:
    void readSlice();
    void finish(bool ok, const iw::Error &error);

    CsvExportSpec m_spec;
    QString m_path;
    Options m_options;
    class CsvWorker *m_worker = nullptr;
    QThread *m_thread = nullptr;
    QTimer *m_timer = nullptr;
    qsizetype m_next = 0;
    bool m_running = false;
    bool m_done = false;
};

} // namespace iw
