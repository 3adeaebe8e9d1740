// P5: CSV export of 1,000,000 failure rows, in MB/s of CSV written (target 100 MB/s), on the paths an
// operator uses, each against a baseline measured in the same run over the same rows:
//   - archive: failure notifications from a real SQLite archive through ArchiveCsvExporter (QSaveFile,
//     redaction, formula neutralisation) on its sqlite3 reader; baseline: the same exporter on its QtSql
//     path (QSqlQuery, QVariant and QString per column: the export before the sqlite3 reader); the read
//     alone, through the sqlite3 API and through QtSql, is shown as the floor; the two files must be
//     identical;
//   - the Statuses view: ViewCsvExport of a 1,000,000-row IngestionStatusModel (slices read on this thread,
//   file
//     written by the worker), its cell-list path, and the same QTextStream baseline over the spec's rows;
//   - CsvWriter alone over prepared rows vs the QTextStream writer.
// MB/s are bytes of the file over process CPU time (both threads; the machine is shared); the view export
// also shows wall-clock time.
//
//   BenchCsvExport [--rows N] [--only archive|view|writer] [--json FILE]
#include "BenchReport.h"
#include "core/CsvWriter.h"
#include "core/Redaction.h"
#include "gui/ViewCsvExport.h"
#include "models/IngestionStatusModel.h"
#include "store/ArchiveCsvExporter.h"
#include "store/SqlArchive.h"
#include "store/SqliteFastReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <ctime>

using namespace iw;

namespace {

const QStringList kCodes { QStringLiteral("Stream_ClosingQuoteMissing"),
                           QStringLiteral("Download_SourceNotFound"), QStringLiteral("BadRequest_EmptyBlob"),
                           QStringLiteral("Stream_WrongNumberOfFields"),
                           QStringLiteral("General_ThrottledIngestion") };

QString guid(QRandomGenerator &rng)
{
    quint32 w[4];
    rng.fillRange(w, 4);
    return QStringLiteral("%1-%2-4%3-8%4-%5%6")
        .arg(w[0], 8, 16, QLatin1Char('0'))
        .arg(w[1] >> 16, 4, 16, QLatin1Char('0'))
        .arg(w[1] & 0xFFF, 3, 16, QLatin1Char('0'))
        .arg(w[2] & 0xFFF, 3, 16, QLatin1Char('0'))
        .arg(w[2] >> 16, 4, 16, QLatin1Char('0'))
        .arg(w[3], 8, 16, QLatin1Char('0'));
}

// Blob paths: one in ten with a SAS token (redacted on the way out).
QString blobPath(qint64 i)
{
    const QString path
        = QStringLiteral("https://contosoingest%1.blob.core.windows.net/landing/2025/%2/%3/part-%4.csv.gz")
              .arg(i % 4)
              .arg(1 + (i / 5000) % 12, 2, 10, QLatin1Char('0'))
              .arg(1 + (i / 200) % 28, 2, 10, QLatin1Char('0'))
              .arg(i, 8, 10, QLatin1Char('0'));
    if (i % 10)
        return path;
    return path
        + QStringLiteral(
               "?sv=2023-11-03&se=2025-01-02T00%3A00%3A00Z&sr=b&sp=r&sig=QmVuY2htYXJrU2lnbmF0dXJl%3D");
}

// Details as the service writes them: quotes, commas, a line break now and then.
QString details(qint64 i)
{
    switch (i % 4) {
    case 0:
        return QStringLiteral(
                   "Stream with ID 'part-%1.csv.gz' has a malformed CSV format: a closing quote is missing, "
                   "line %2")
            .arg(i)
            .arg(i % 977);
    case 1:
        return QStringLiteral("Failed to download blob: The specified blob does not exist.");
    case 2:
        return QStringLiteral("Record %1 has 13 fields, expected 12.\nFirst field: \"2025-01-01\"")
            .arg(i % 5000);
    default:
        return QStringLiteral("Ingestion was throttled by the engine; it will be retried.");
    }
}

IngestionNotification failure(qint64 i, const QDateTime &base, QRandomGenerator &rng)
{
    IngestionNotification n;
    n.kind = IngestionNotification::Kind::Failure;
    n.queueName = QStringLiteral("failedingestionsqueue");
    n.messageId = guid(rng);
    n.insertionTime = base.addMSecs(i * 250);
    n.dequeueCount = 1;
    n.operationId = guid(rng);
    n.database = QStringLiteral("Database%1").arg(i % 5);
    n.table = QStringLiteral("Table%1").arg(i % 20);
    n.ingestionSourceId = guid(rng);
    n.ingestionSourcePath = blobPath(i);
    n.rootActivityId = guid(rng);
    n.failedOn = n.insertionTime.addMSecs(-1500);
    n.errorCode = kCodes.at(int(i % kCodes.size()));
    n.details = details(i);
    n.failureStatus = i % 5 == 4 ? FailureStatus::Transient : FailureStatus::Permanent;
    n.shouldRetry = n.failureStatus == FailureStatus::Transient;
    return n;
}

IngestionStatus status(qint64 i, const QDateTime &base, QRandomGenerator &rng)
{
    IngestionStatus s;
    s.ingestionSourceId = guid(rng);
    s.partitionKey = s.rowKey = s.ingestionSourceId;
    s.status = OperationStatus::Failed;
    s.ingestionSourcePath = blobPath(i);
    s.database = QStringLiteral("Database%1").arg(i % 5);
    s.table = QStringLiteral("Table%1").arg(i % 20);
    s.updatedOn = base.addMSecs(i * 250);
    s.timestamp = s.updatedOn;
    s.operationId = guid(rng);
    s.activityId = guid(rng);
    s.errorCode = kCodes.at(int(i % kCodes.size()));
    s.details = details(i % 8); // the status table's details repeat (pooled)
    s.failureStatus = i % 5 == 4 ? FailureStatus::Transient : FailureStatus::Permanent;
    return s;
}

double cpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The baseline writer: a line per row built from QStrings, through QTextStream.
struct TextStreamWriter
{
    QFile file;
    QTextStream out;
    explicit TextStreamWriter(const QString &path) : file(path)
    {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        out.setDevice(&file);
        out.setEncoding(QStringConverter::Utf8);
    }
    void row(const QStringList &cells)
    {
        QStringList encoded;
        encoded.reserve(cells.size());
        for (const QString &c : cells)
            encoded << CsvWriter::encodeCell(c);
        out << encoded.join(QLatin1Char(',')) << "\r\n";
    }
    void close()
    {
        out.flush();
        file.close();
    }
};

double mb(const QString &path)
{
    return double(QFileInfo(path).size()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    qint64 rows = 1'000'000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--rows")); i >= 0 && i + 1 < args.size())
        rows = args.at(i + 1).toLongLong();
    QString only;
    if (const qsizetype i = args.indexOf(QStringLiteral("--only")); i >= 0 && i + 1 < args.size())
        only = args.at(i + 1);
    const auto part = [&only](const char *name) {
        return only.isEmpty() || only == QLatin1String(name);
    };
    QTemporaryDir dir;
    const QDateTime base(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    bench::Report report(
        QStringLiteral("BenchCsvExport (P5, %1 failure rows, MB/s of CSV over CPU time)").arg(rows));
    const QString target = QStringLiteral(">= 100 MB/s");

    double c0 = 0;
    // ---- archive: fill a real SQLite archive with failure notifications
    if (part("archive")) {
        auto opened = SqlArchive::open(
            ArchiveConfig::sqlite(QStringLiteral("bench"), dir.filePath(QStringLiteral("a.sqlite"))));
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
            return 1;
        }
        SqlArchive &archive = *opened.value();
        {
            QElapsedTimer t;
            t.start();
            QRandomGenerator rng(7);
            for (qint64 from = 0; from < rows; from += 10000) {
                ArchiveBatch b;
                for (qint64 i = from; i < std::min(rows, from + 10000); ++i)
                    b.notifications.append(NotificationObservation { failure(i, base, rng),
                                                                     NotificationOrigin::Consumed, base });
                if (auto r = archive.commit(b); !r) {
                    std::fprintf(stderr, "archive: %s\n", qPrintable(r.error().message));
                    return 1;
                }
            }
            std::fprintf(stderr, "archive filled in %.1f s\n", double(t.elapsed()) / 1000);
        }
        NotificationQuery query;
        query.kind = IngestionNotification::Kind::Failure;
        const SqlArchive::Select select = archive.notificationSelect(query);

        // The floors: reading the rows alone, through QtSql (a NotificationRecord per row) and through the
        // sqlite3 API (every column's bytes, as the export takes them).
        qint64 n = 0;
        double c0 = cpuMs();
        (void)archive.forEachNotification(query, [&n](const NotificationRecord &) {
            ++n;
            return true;
        });
        const double qtReadMs = cpuMs() - c0;
        c0 = cpuMs();
        qint64 touched = 0;
        {
            auto reader = SqliteFastReader::open(archive.config().databasePath, 5000);
            if (!reader || !(*reader)->prepare(select.sql, select.values)) {
                std::fprintf(stderr, "sqlite3 reader: cannot open or prepare\n");
                return 1;
            }
            while (true) {
                const Result<bool> row = (*reader)->next();
                if (!row || !*row)
                    break;
                for (int c = 0; c < SqlArchive::NcSeenCount + 1; ++c) {
                    if ((*reader)->type(c) == SqliteFastReader::Integer)
                        touched += (*reader)->int64(c) & 1;
                    else
                        touched += (*reader)->utf8(c).size;
                }
            }
        }
        const double fastReadMs = cpuMs() - c0;

        const QString oursPath = dir.filePath(QStringLiteral("archive-ours.csv"));
        c0 = cpuMs();
        const Result<qint64> written = ArchiveCsvExporter::exportNotifications(
            archive, query, oursPath, {}, ArchiveCsvExporter::ReadPath::SqliteApi);
        const double oursMs = cpuMs() - c0;
        if (!written || *written != rows) {
            std::fprintf(stderr, "export failed or short: %s\n",
                         written ? "short" : qPrintable(written.error().message));
            return 1;
        }
        // The baseline: the QtSql path of the same exporter (QSqlQuery, a QVariant and a QString per
        // column, a NotificationRecord per row), the export as it was before the sqlite3 reader.
        const QString basePath = dir.filePath(QStringLiteral("archive-base.csv"));
        c0 = cpuMs();
        const Result<qint64> baseWritten = ArchiveCsvExporter::exportNotifications(
            archive, query, basePath, {}, ArchiveCsvExporter::ReadPath::QtSql);
        const double baseMs = cpuMs() - c0;
        if (!baseWritten || *baseWritten != rows) {
            std::fprintf(stderr, "QtSql export failed or short\n");
            return 1;
        }
        const double oursMbs = mb(oursPath) / (oursMs / 1000);
        const double baseMbs = mb(basePath) / (baseMs / 1000);
        report.add({ QStringLiteral("archive export, failure notifications"), QStringLiteral("MB/s"), oursMbs,
                     baseMbs, target, oursMbs >= 100 });
        report.add({ QStringLiteral("  archive read alone, sqlite3 API (no CSV)"), QStringLiteral("MB/s"),
                     mb(oursPath) / (fastReadMs / 1000), baseMbs, QString(), std::nullopt });
        report.add({ QStringLiteral("  archive read alone, QtSql (no CSV)"), QStringLiteral("MB/s"),
                     mb(oursPath) / (qtReadMs / 1000), baseMbs, QString(), std::nullopt });
        report.add({ QStringLiteral("  archive export time"), QStringLiteral("ms"), oursMs, baseMs, QString(),
                     std::nullopt });
        report.add({ QStringLiteral("  file size"), QStringLiteral("MB"), mb(oursPath), mb(basePath),
                     QString(), std::nullopt });
        QByteArray ours, theirs;
        {
            QFile a(oursPath), b(basePath);
            if (a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly)) {
                ours = a.readAll();
                theirs = b.readAll();
            }
        }
        const bool redactedOk = !ours.isEmpty() && !ours.contains("QmVuY2htYXJrU2lnbmF0dXJl")
            && ours.count("sig=REDACTED") == (rows + 9) / 10;
        std::fprintf(stderr,
                     "archive export: %lld rows (%lld read, %lld bytes touched), SAS signatures redacted: "
                     "%s, file identical to the QtSql path's: %s\n",
                     static_cast<long long>(*written), static_cast<long long>(n),
                     static_cast<long long>(touched), redactedOk ? "yes" : "NO",
                     !ours.isEmpty() && ours == theirs ? "yes" : "NO");
        ours.clear();
        theirs.clear();
        QFile::remove(oursPath);
        QFile::remove(basePath);
        opened.value().reset();
    }

    // ---- the Statuses view: 1,000,000 rows of an IngestionStatusModel
    if (part("view")) {
        IngestionStatusModel model;
        {
            QRandomGenerator rng(11);
            for (qint64 from = 0; from < rows; from += 1000) {
                QList<IngestionStatus> page;
                for (qint64 i = from; i < std::min(rows, from + 1000); ++i)
                    page.append(status(i, base, rng));
                model.upsert(page);
            }
        }
        QList<int> all(model.rowCount());
        for (int i = 0; i < model.rowCount(); ++i)
            all[i] = i;
        const auto runView = [&](CsvExportSpec spec, const QString &path, double *wallMs) {
            ViewCsvExport e(std::move(spec), path);
            QEventLoop loop;
            bool ok = false;
            QObject::connect(&e, &ViewCsvExport::finished, &loop, [&](bool done) {
                ok = done;
                loop.quit();
            });
            QElapsedTimer t;
            t.start();
            const double c = cpuMs();
            e.start();
            loop.exec();
            *wallMs = double(t.elapsed());
            if (!ok)
                std::fprintf(stderr, "view export failed\n");
            return cpuMs() - c;
        };
        const QString viewPath = dir.filePath(QStringLiteral("view-ours.csv"));
        double viewWall = 0;
        const double viewMs = runView(CsvExportSpec::statuses(&model, all, true), viewPath, &viewWall);
        const double viewMb = mb(viewPath);
        CsvExportSpec cellLists = CsvExportSpec::statuses(&model, all, true);
        cellLists.write = nullptr;
        double listWall = 0;
        const QString listPath = dir.filePath(QStringLiteral("view-lists.csv"));
        const double listMs = runView(cellLists, listPath, &listWall);
        const QString viewBasePath = dir.filePath(QStringLiteral("view-base.csv"));
        c0 = cpuMs();
        {
            const CsvExportSpec spec = CsvExportSpec::statuses(&model, all, true);
            TextStreamWriter w(viewBasePath);
            w.row(spec.header);
            for (const int row : all)
                w.row(spec.row(row));
            w.close();
        }
        const double viewBaseMs = cpuMs() - c0;
        const double viewMbs = viewMb / (viewMs / 1000);
        report.add({ QStringLiteral("Statuses view export (ViewCsvExport)"), QStringLiteral("MB/s"), viewMbs,
                     mb(viewBasePath) / (viewBaseMs / 1000), target, viewMbs >= 100 });
        report.add({ QStringLiteral("  same, cell lists (spec.row) through the worker"),
                     QStringLiteral("MB/s"), mb(listPath) / (listMs / 1000),
                     mb(viewBasePath) / (viewBaseMs / 1000), QString(), std::nullopt });
        report.add({ QStringLiteral("  view export wall clock"), QStringLiteral("ms"), viewWall, listWall,
                     QString(), std::nullopt });
        std::fprintf(stderr, "view export: %.1f MB; fast path and cell lists identical: %s\n", viewMb,
                     [&] {
                         QFile a(viewPath), b(listPath);
                         return a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly)
                             && a.readAll() == b.readAll();
                     }()
                         ? "yes"
                         : "NO");
        QFile::remove(viewPath);
        QFile::remove(listPath);
        QFile::remove(viewBasePath);
    }

    // ---- CsvWriter alone over prepared rows (the notification cells of the archive export)
    if (part("writer")) {
        QRandomGenerator rng(7);
        QList<QStringList> prepared;
        const int prepRows = int(std::min<qint64>(rows, 200'000));
        prepared.reserve(prepRows);
        for (int i = 0; i < prepRows; ++i) {
            NotificationRecord r;
            r.notification = failure(i, base, rng);
            r.eventTime = r.notification.failedOn;
            prepared.append(ArchiveCsvExporter::notificationRow(r));
        }
        const QString a = dir.filePath(QStringLiteral("w-ours.csv"));
        const QString b = dir.filePath(QStringLiteral("w-base.csv"));
        c0 = cpuMs();
        {
            QFile f(a);
            (void)f.open(QIODevice::WriteOnly);
            CsvWriter w(&f);
            for (const QStringList &r : std::as_const(prepared))
                (void)w.writeRow(r);
            (void)w.flush();
        }
        const double wMs = cpuMs() - c0;
        c0 = cpuMs();
        {
            TextStreamWriter w(b);
            for (const QStringList &r : std::as_const(prepared))
                w.row(r);
            w.close();
        }
        const double bMs = cpuMs() - c0;
        report.add({ QStringLiteral("CsvWriter::writeRow alone, %1 prepared rows").arg(prepRows),
                     QStringLiteral("MB/s"), mb(a) / (wMs / 1000), mb(b) / (bMs / 1000), QString(),
                     std::nullopt });
    }

    report.print();
    return report.writeJsonFromArgs(args) ? 0 : 1;
}
