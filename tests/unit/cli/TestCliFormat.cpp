// The command line's pure parts: operation ids, --since, exit codes from typed errors, tables and JSON.
#include "cli/CliExit.h"
#include "cli/CliFormat.h"

#include <QJsonObject>
#include <QTest>

using namespace iw;

class TestCliFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void operationId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        const QString id = QStringLiteral("0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
        QTest::newRow("plain") << id << id;
        QTest::newRow("upper") << id.toUpper() << id;
        QTest::newRow("braces") << QStringLiteral("{%1}").arg(id) << id;
        QTest::newRow("spaces") << QStringLiteral("  %1 ").arg(id) << id;
        QTest::newRow("one brace") << QStringLiteral("{%1").arg(id) << QString();
        QTest::newRow("short") << id.left(35) << QString();
        QTest::newRow("no dashes") << QString(id).remove(QLatin1Char('-')) << QString();
        QTest::newRow("not hex") << QStringLiteral("0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5g") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("kql injection") << id + QStringLiteral("') | drop") << QString();
        const QString full = QStringLiteral("00001111;11112222;00001111-aaaa-2222-bbbb-3333cccc4444");
        QTest::newRow("service shape") << full << full;
        QTest::newRow("service shape, upper guid kept") << full.toUpper() << full.toUpper();
        QTest::newRow("service shape, spaces") << QStringLiteral(" %1\n").arg(full) << full;
        QTest::newRow("two parts") << QStringLiteral("11112222;00001111-aaaa-2222-bbbb-3333cccc4444")
                                   << QString();
        QTest::newRow("empty token") << QStringLiteral(";1;00001111-aaaa-2222-bbbb-3333cccc4444")
                                     << QString();
        QTest::newRow("quote in token")
            << QStringLiteral("0'1;1;00001111-aaaa-2222-bbbb-3333cccc4444") << QString();
        QTest::newRow("bad guid part")
            << QStringLiteral("1;2;00001111-aaaa-2222-bbbb-3333cccc444") << QString();
    }
    void operationId()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QCOMPARE(CliFormat::operationId(text), id);
    }

    void parseSince_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("secondsBefore"); // -1: invalid
        QTest::newRow("seconds") << QStringLiteral("90s") << qint64(90);
        QTest::newRow("minutes") << QStringLiteral("15m") << qint64(900);
        QTest::newRow("hours") << QStringLiteral("2h") << qint64(7200);
        QTest::newRow("days") << QStringLiteral("7d") << qint64(7 * 86400);
        QTest::newRow("iso") << QStringLiteral("2026-01-01T11:00:00Z") << qint64(3600);
        QTest::newRow("iso offset") << QStringLiteral("2026-01-01T12:00:00+01:00") << qint64(3600);
        QTest::newRow("unit missing") << QStringLiteral("15") << qint64(-1);
        QTest::newRow("unknown unit") << QStringLiteral("3w") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5m") << qint64(-1);
        QTest::newRow("words") << QStringLiteral("yesterday") << qint64(-1);
    }
    void parseSince()
    {
        QFETCH(QString, text);
        QFETCH(qint64, secondsBefore);
        const QDateTime now(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        const auto t = CliFormat::parseSince(text, now);
        if (secondsBefore < 0) {
            QVERIFY(!t.has_value());
            return;
        }
        QVERIFY(t.has_value());
        QCOMPARE(t->secsTo(now), secondsBefore);
    }

    void exitCodes_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("exit");
        using K = Error::Kind;
        QTest::newRow("auth") << int(K::Auth) << 0 << QString() << int(CliExit::Auth);
        QTest::newRow("403 as http") << int(K::Http) << 403 << QString() << int(CliExit::Auth);
        QTest::newRow("refused") << int(K::Network) << 0 << QString() << int(CliExit::Network);
        QTest::newRow("timeout") << int(K::Timeout) << 0 << QString() << int(CliExit::Network);
        QTest::newRow("throttled") << int(K::Throttled) << 429 << QString() << int(CliExit::Network);
        QTest::newRow("404") << int(K::NotFound) << 404 << QStringLiteral("TableNotFound")
                             << int(CliExit::NotFound);
        QTest::newRow("entity not found 400")
            << int(K::Http) << 400 << QStringLiteral("BadRequest_EntityNotFound") << int(CliExit::NotFound);
        QTest::newRow("queue not found")
            << int(K::Http) << 404 << QStringLiteral("QueueNotFound") << int(CliExit::NotFound);
        QTest::newRow("500") << int(K::Http) << 500 << QStringLiteral("InternalServiceError")
                             << int(CliExit::Failure);
        QTest::newRow("syntax 400") << int(K::Http) << 400 << QStringLiteral("General_BadRequest")
                                    << int(CliExit::Failure);
        QTest::newRow("parse") << int(K::Parse) << 200 << QString() << int(CliExit::Failure);
        QTest::newRow("disk") << int(K::Io) << 0 << QString() << int(CliExit::Failure);
        QTest::newRow("usage") << int(K::Usage) << 0 << QString() << int(CliExit::Usage);
    }
    void exitCodes()
    {
        QFETCH(int, kind);
        QFETCH(int, httpStatus);
        QFETCH(QString, code);
        QFETCH(int, exit);
        Error e = Error::make(Error::Kind(kind), QStringLiteral("x"));
        e.httpStatus = httpStatus;
        e.code = code;
        QCOMPARE(int(CliExit::forError(e)), exit);
    }

    void operationTableAndJson()
    {
        CliOperationRow r;
        r.operation.ingestionOperationId = QStringLiteral("0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
        r.operation.state = OperationState::InProgress;
        r.operation.discovered = 200;
        r.operation.pending = 150;
        r.operation.ingested = 40;
        r.operation.failed = 10;
        r.operation.database = QStringLiteral("Db");
        r.operation.table = QStringLiteral("T");
        r.operation.sampleFailedReasons
            = QStringLiteral("https://a.blob.core.windows.net/c/x.csv?sv=1&sig=SECRET");
        r.etaSeconds = 125;
        r.blobsPerMinute = 12.5;
        CliOperationRow unknown;
        unknown.operation.ingestionOperationId = QStringLiteral("ffffffff-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
        unknown.known = false;

        const QStringList table = CliFormat::operationTable({ r, unknown });
        QCOMPARE(table.size(), 3);
        QVERIFY(table.at(0).startsWith(QLatin1String("IngestionOperationId ")));
        QCOMPARE(table.at(0).indexOf(QLatin1String("State")), 36 + 2); // after the widest id
        QVERIFY(table.at(1).contains(QLatin1String("Db.T")));
        QVERIFY(table.at(1).contains(QLatin1String("25.0%")));
        QVERIFY(table.at(1).contains(QLatin1String("2m 05s")));
        QVERIFY(table.at(2).contains(QLatin1String("(unknown)")));
        // Columns line up: State starts at the same place on every row.
        QCOMPARE(table.at(1).indexOf(QLatin1String("InProgress")),
                 table.at(0).indexOf(QLatin1String("State")));

        const QJsonObject o = CliFormat::operationJson(r);
        QCOMPARE(o.value(QStringLiteral("State")).toString(), QStringLiteral("InProgress"));
        QCOMPARE(o.value(QStringLiteral("Discovered")).toInt(), 200);
        QCOMPARE(o.value(QStringLiteral("Pending")).toInt(), 150);
        QCOMPARE(o.value(QStringLiteral("PercentDone")).toDouble(), 25.0);
        QCOMPARE(o.value(QStringLiteral("EtaSeconds")).toInt(), 125);
        QVERIFY(!o.value(QStringLiteral("SampleFailedReasons")).toString().contains(QLatin1String("SECRET")));
        QVERIFY(CliFormat::operationJson(unknown).value(QStringLiteral("State")).isNull());

        QVERIFY(
            CliFormat::operationLine(r).contains(QLatin1String("Discovered=200 Pending=150 Ingested=40")));
        QVERIFY(CliFormat::operationLine(r).endsWith(QLatin1String("ETA=2m 05s")));
    }

    void statusCellsAreRedacted()
    {
        IngestionStatus s;
        s.status = OperationStatus::Failed;
        s.ingestionSourcePath = QStringLiteral("https://a.blob.core.windows.net/c/x.csv?sv=1&sig=SECRET");
        s.details = QStringLiteral("download of https://a.blob.core.windows.net/c/x.csv?sig=SECRET failed");
        const QStringList cells = CliFormat::statusCells(s);
        QCOMPARE(cells.size(), CliFormat::statusHeader().size());
        QCOMPARE(cells.first(), QStringLiteral("Failed"));
        for (const QString &c : cells)
            QVERIFY2(!c.contains(QLatin1String("SECRET")), qPrintable(c));
        QVERIFY(!CliFormat::statusTable({ s }).join(QLatin1Char('\n')).contains(QLatin1String("SECRET")));
    }

    void durations()
    {
        QCOMPARE(CliFormat::durationText(0), QStringLiteral("0s"));
        QCOMPARE(CliFormat::durationText(59), QStringLiteral("59s"));
        QCOMPARE(CliFormat::durationText(61), QStringLiteral("1m 01s"));
        QCOMPARE(CliFormat::durationText(3 * 3600 + 4 * 60), QStringLiteral("3h 04m"));
        QCOMPARE(CliFormat::durationText(2 * 86400 + 3 * 3600), QStringLiteral("2d 03h"));
    }
};

QTEST_GUILESS_MAIN(TestCliFormat)
#include "TestCliFormat.moc"
