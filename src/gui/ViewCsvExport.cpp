#include "gui/ViewCsvExport.h"

#include "core/CsvWriter.h"
#include "core/IngestionErrorCode.h"
#include "core/Redaction.h"
#include "core/RedactionPrefilter.h"
#include "models/IngestionStatusModel.h"
#include "models/NotificationModel.h"

#include <QAbstractProxyModel>
#include <QBuffer>
#include <QItemSelectionModel>
#include <QMetaEnum>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>

namespace iw {

namespace {

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QModelIndex toSource(const QModelIndex &index)
{
    QModelIndex i = index;
    while (auto *proxy = qobject_cast<const QAbstractProxyModel *>(i.model()))
        i = proxy->mapToSource(i);
    return i;
}

} // namespace

QList<int> CsvExportSpec::sourceRows(const QAbstractItemModel *viewModel,
                                     const QItemSelectionModel *selection, bool selectedOnly)
{
    QList<int> rows;
    if (!viewModel)
        return rows;
    if (selectedOnly && selection && selection->hasSelection()) {
        QModelIndexList selected = selection->selectedRows();
        if (selected.isEmpty()) {
            for (const QModelIndex &i : selection->selectedIndexes()) {
                if (i.column() == 0 || selected.isEmpty() || selected.last().row() != i.row())
                    selected << i.sibling(i.row(), 0);
            }
        }
        std::sort(selected.begin(), selected.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        int last = -1;
        for (const QModelIndex &i : selected) {
            if (i.row() == last)
                continue;
            last = i.row();
            rows << toSource(i).row();
        }
        return rows;
    }
    const int n = viewModel->rowCount();
    rows.reserve(n);
    for (int r = 0; r < n; ++r)
        rows << toSource(viewModel->index(r, 0)).row();
    return rows;
}

CsvExportSpec CsvExportSpec::statuses(const IngestionStatusModel *model, const QList<int> &rows,
                                      bool redactSecrets)
{
    CsvExportSpec spec;
    const QMetaEnum columns = QMetaEnum::fromType<IngestionStatusModel::Column>();
    for (int c = 0; c < IngestionStatusModel::ColumnCount; ++c)
        spec.header << QString::fromLatin1(columns.valueToKey(c));
    spec.model = const_cast<IngestionStatusModel *>(model);
    spec.rows = rows;
    QPointer<const IngestionStatusModel> m(model);
    spec.write = [m, redactSecrets](int row, CsvWriter &csv) {
        return m && m->writeCsvCells(row, csv, redactSecrets);
    };
    spec.row = [m, redactSecrets](int row) -> QStringList {
        if (!m || row < 0 || row >= m->rowCount())
            return {};
        const IngestionStatus s = m->statusAt(row);
        auto secret = [redactSecrets](const QString &t) {
            return redactSecrets ? redactIfNeeded(t) : t;
        };
        return { toString(s.status),
                 s.ingestionSourceId,
                 secret(s.ingestionSourcePath),
                 s.database,
                 s.table,
                 timeText(s.updatedOn),
                 s.operationId,
                 s.activityId,
                 s.errorCode,
                 toString(s.failureStatus),
                 secret(s.details),
                 boolText(s.originatesFromUpdatePolicy) };
    };
    return spec;
}

CsvExportSpec CsvExportSpec::notifications(const NotificationModel *model, const QList<int> &rows,
                                           bool redactSecrets)
{
    CsvExportSpec spec;
    // The service's field names (FailedOn and SucceededOn both), then the queue envelope.
    spec.header = QStringList { QStringLiteral("Kind"),
                                QStringLiteral("OperationId"),
                                QStringLiteral("Database"),
                                QStringLiteral("Table"),
                                QStringLiteral("FailedOn"),
                                QStringLiteral("SucceededOn"),
                                QStringLiteral("IngestionSourceId"),
                                QStringLiteral("IngestionSourcePath"),
                                QStringLiteral("RootActivityId"),
                                QStringLiteral("Details"),
                                QStringLiteral("ErrorCode"),
                                QStringLiteral("FailureStatus"),
                                QStringLiteral("OriginatesFromUpdatePolicy"),
                                QStringLiteral("ShouldRetry"),
                                QStringLiteral("QueueName"),
                                QStringLiteral("MessageId"),
                                QStringLiteral("InsertionTime"),
                                QStringLiteral("DequeueCount"),
                                QStringLiteral("RawText") };
    spec.model = const_cast<NotificationModel *>(model);
    spec.rows = rows;
    QPointer<const NotificationModel> m(model);
    spec.write = [m, redactSecrets](int row, CsvWriter &csv) {
        if (!m || row < 0 || row >= m->rowCount())
            return false;
        const IngestionNotification &n = m->notificationAt(row);
        const auto text = [&csv](const QString &t) {
            csv.addCell(QStringView(t));
        };
        const auto secret = [&csv, redactSecrets](const QString &t) {
            csv.addCell(QStringView(redactSecrets ? redactIfNeeded(t) : t));
        };
        const auto flag = [&csv](bool b) {
            csv.addCell(b ? QLatin1String("true") : QLatin1String("false"));
        };
        const bool failure = n.kind == IngestionNotification::Kind::Failure;
        const bool malformed = n.kind == IngestionNotification::Kind::Malformed;
        text(toString(n.kind));
        text(n.operationId);
        text(n.database);
        text(n.table);
        csv.addTimeCell(n.failedOn);
        csv.addTimeCell(n.succeededOn);
        text(n.ingestionSourceId);
        secret(n.ingestionSourcePath);
        text(n.rootActivityId);
        secret(malformed && n.details.isEmpty() ? n.parseError : n.details);
        text(n.errorCode);
        text(failure ? toString(n.failureStatus) : QString());
        if (failure) {
            flag(n.originatesFromUpdatePolicy);
            flag(n.shouldRetry);
        } else {
            csv.addCell(QLatin1String());
            csv.addCell(QLatin1String());
        }
        text(n.queueName);
        text(n.messageId);
        csv.addTimeCell(n.insertionTime);
        csv.addCell(qint64(n.dequeueCount));
        secret(n.rawText);
        return true;
    };
    spec.row = [m, redactSecrets](int row) -> QStringList {
        if (!m || row < 0 || row >= m->rowCount())
            return {};
        const IngestionNotification &n = m->notificationAt(row);
        auto secret = [redactSecrets](const QString &t) {
            return redactSecrets ? redactIfNeeded(t) : t;
        };
        const bool malformed = n.kind == IngestionNotification::Kind::Malformed;
        return { toString(n.kind),
                 n.operationId,
                 n.database,
                 n.table,
                 timeText(n.failedOn),
                 timeText(n.succeededOn),
                 n.ingestionSourceId,
                 secret(n.ingestionSourcePath),
                 n.rootActivityId,
                 secret(malformed && n.details.isEmpty() ? n.parseError : n.details),
                 n.errorCode,
                 n.kind == IngestionNotification::Kind::Failure ? toString(n.failureStatus) : QString(),
                 n.kind == IngestionNotification::Kind::Failure ? boolText(n.originatesFromUpdatePolicy)
                                                                : QString(),
                 n.kind == IngestionNotification::Kind::Failure ? boolText(n.shouldRetry) : QString(),
                 n.queueName,
                 n.messageId,
                 timeText(n.insertionTime),
                 QString::number(n.dequeueCount),
                 secret(n.rawText) };
    };
    return spec;
}

CsvExportSpec CsvExportSpec::displayed(const QAbstractItemModel *model, const QList<int> &rows,
                                       bool redactSecrets)
{
    CsvExportSpec spec;
    const int columns = model ? model->columnCount() : 0;
    for (int c = 0; c < columns; ++c)
        spec.header << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    spec.model = const_cast<QAbstractItemModel *>(model);
    spec.rows = rows;
    QPointer<const QAbstractItemModel> m(model);
    spec.row = [m, columns, redactSecrets](int row) -> QStringList {
        QStringList cells;
        if (!m || row < 0 || row >= m->rowCount())
            return cells;
        for (int c = 0; c < columns; ++c) {
            QString t = m->index(row, c).data(Qt::DisplayRole).toString();
            cells << (redactSecrets ? redact(t) : t);
        }
        return cells;
    };
    return spec;
}

// Lives on the worker thread: owns the QSaveFile and the CsvWriter.
class CsvWorker : public QObject
{
    Q_OBJECT
public:
    std::atomic_bool canceled { false };

    void open(const QString &path, ViewCsvExport::Options options, const QStringList &header)
    {
        m_file = std::make_unique<QSaveFile>(path);
        if (!m_file->open(QIODevice::WriteOnly)) {
            fail(Error::make(Error::Kind::Io, tr("Cannot write %1: %2").arg(path, m_file->errorString())));
            return;
        }
        m_writer = std::make_unique<CsvWriter>(
            m_file.get(), CsvWriter::Options { options.byteOrderMark, options.neutraliseFormulas });
        write({ header });
    }
    void write(const QList<QStringList> &rows)
    {
        if (m_failed || !m_writer)
            return;
        for (const QStringList &r : rows) {
            if (canceled)
                return;
            Status s = m_writer->writeRow(r);
            if (!s) {
                fail(s.error());
                return;
            }
        }
    }
    // CSV rows already encoded (the spec's fast path).
    void writeEncoded(const QByteArray &bytes)
    {
        if (m_failed || !m_writer || canceled)
            return;
        Status s = m_writer->flush(); // the header
        if (s && m_file->write(bytes) != bytes.size())
            s = Error::make(Error::Kind::Io, tr("Writing the file failed: %1").arg(m_file->errorString()));
        if (!s)
            fail(s.error());
    }
    void finish()
    {
        if (m_failed)
            return;
        if (canceled || !m_writer) {
            discard();
            Q_EMIT done(false, Error::make(Error::Kind::Canceled, tr("The export was cancelled.")));
            return;
        }
        Status s = m_writer->flush();
        m_writer.reset();
        if (!s) {
            fail(s.error());
            return;
        }
        if (!m_file->commit()) {
            const QString why = m_file->errorString();
            m_file.reset();
            m_failed = true;
            Q_EMIT done(false, Error::make(Error::Kind::Io, tr("Cannot save the file: %1").arg(why)));
            return;
        }
        m_file.reset();
        Q_EMIT done(true, Error {});
    }
    void discard()
    {
        m_writer.reset();
        if (m_file) {
            m_file->cancelWriting();
            m_file->commit(); // with cancelWriting(): removes the temporary file, leaves the target alone
            m_file.reset();
        }
    }

Q_SIGNALS:
    void done(bool ok, const iw::Error &error);

private:
    void fail(const Error &e)
    {
        m_failed = true;
        discard();
        Q_EMIT done(false, e);
    }
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<CsvWriter> m_writer;
    bool m_failed = false;
};

ViewCsvExport::ViewCsvExport(CsvExportSpec spec, QString path, Options options, QObject *parent)
    : QObject(parent), m_spec(std::move(spec)), m_path(std::move(path)), m_options(options)
{ }

ViewCsvExport::~ViewCsvExport()
{
    if (m_worker) {
        m_worker->canceled = true;
        QMetaObject::invokeMethod(m_worker, &CsvWorker::discard, Qt::BlockingQueuedConnection);
    }
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_worker;
    }
}

void ViewCsvExport::start()
{
    if (m_running || m_done)
        return;
    m_running = true;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("csv-export"));
    m_worker = new CsvWorker;
    m_worker->moveToThread(m_thread);
    connect(m_worker, &CsvWorker::done, this, &ViewCsvExport::finish);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, path = m_path, o = m_options, h = m_spec.header] { w->open(path, o, h); });
    m_timer = new QTimer(this);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &ViewCsvExport::readSlice);
    m_timer->start();
    Q_EMIT progress(0, total());
}

void ViewCsvExport::readSlice()
{
    if (!m_running)
        return;
    if (!m_spec.model) {
        m_worker->canceled = true;
        QMetaObject::invokeMethod(m_worker, &CsvWorker::finish);
        m_timer->stop();
        return;
    }
    const qsizetype end
        = std::min<qsizetype>(m_spec.rows.size(), m_next + std::max(1, m_options.rowsPerSlice));
    if (m_spec.write) {
        QByteArray bytes;
        {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            CsvWriter csv(&buffer, CsvWriter::Options { false, m_options.neutraliseFormulas });
            for (; m_next < end; ++m_next) {
                if (m_spec.write(m_spec.rows.at(m_next), csv))
                    (void)csv.endRow(); // into memory: cannot fail
            }
            (void)csv.flush();
        }
        QMetaObject::invokeMethod(m_worker,
                                  [w = m_worker, bytes = std::move(bytes)] { w->writeEncoded(bytes); });
        Q_EMIT progress(m_next, total());
        if (m_next >= m_spec.rows.size()) {
            m_timer->stop();
            QMetaObject::invokeMethod(m_worker, &CsvWorker::finish);
        }
        return;
    }
    QList<QStringList> chunk;
    chunk.reserve(end - m_next);
    for (; m_next < end; ++m_next) {
        QStringList cells = m_spec.row(m_spec.rows.at(m_next));
        if (!cells.isEmpty())
            chunk << std::move(cells);
    }
    QMetaObject::invokeMethod(m_worker, [w = m_worker, chunk = std::move(chunk)] { w->write(chunk); });
    Q_EMIT progress(m_next, total());
    if (m_next >= m_spec.rows.size()) {
        m_timer->stop();
        QMetaObject::invokeMethod(m_worker, &CsvWorker::finish);
    }
}

void ViewCsvExport::cancel()
{
    if (!m_running)
        return;
    if (m_timer)
        m_timer->stop();
    m_worker->canceled = true;
    QMetaObject::invokeMethod(m_worker, &CsvWorker::finish);
}

void ViewCsvExport::finish(bool ok, const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_running = false;
    if (m_timer)
        m_timer->stop();
    Q_EMIT finished(ok, error);
}

} // namespace iw

#include "ViewCsvExport.moc"
