// iw-kill-consumer: the headless failure-notification consumer that TestKillConsume SIGKILLs at random
// moments. It is the production consume path, not a copy: a NotificationMonitor in Consume mode on the
// given queues (receive with a visibility timeout -> commit to the SQLite archive through ArchiveWriter ->
// delete by pop receipt only after `committed`), refreshed back to back until killed.
//
//   iw-kill-consumer --connection-string CS --queue NAME [--queue NAME...] --archive FILE
//                    [--visibility SECONDS] [--exit-when-empty]
//
// stdout: "READY" once the archive is open and the queues are set, then "CONSUMED <n>" after each batch
// whose messages were deleted. With --exit-when-empty it exits 0 after a refresh that read nothing.
#include "azure/HttpPipeline.h"
#include "models/FailureGroupModel.h"
#include "models/NotificationModel.h"
#include "monitor/NotificationMonitor.h"
#include "store/ArchiveConfig.h"
#include "store/ArchiveWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace iw;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption cs(QStringLiteral("connection-string"), QStringLiteral("Storage account."),
                                QStringLiteral("cs"));
    const QCommandLineOption queue(QStringLiteral("queue"), QStringLiteral("A failure queue."),
                                   QStringLiteral("name"));
    const QCommandLineOption archive(QStringLiteral("archive"), QStringLiteral("SQLite archive file."),
                                     QStringLiteral("file"));
    const QCommandLineOption visibility(QStringLiteral("visibility"),
                                        QStringLiteral("Visibility timeout of received messages."),
                                        QStringLiteral("seconds"), QStringLiteral("2"));
    const QCommandLineOption exitWhenEmpty(QStringLiteral("exit-when-empty"),
                                           QStringLiteral("Exit after a refresh that read nothing."));
    p.addOptions({ cs, queue, archive, visibility, exitWhenEmpty });
    p.process(app);
    if (!p.isSet(cs) || !p.isSet(queue) || !p.isSet(archive)) {
        std::fprintf(stderr, "iw-kill-consumer: --connection-string, --queue and --archive are required\n");
        return 2;
    }

    HttpPipeline pipeline;
    NotificationModel model;
    FailureGroupModel groups;
    ArchiveWriter writer(ArchiveConfig::sqlite(QStringLiteral("kill-test"), p.value(archive)));
    NotificationMonitor monitor(&model, &groups, &pipeline, &writer, nullptr);
    monitor.setInterval(0); // refreshed back to back below
    monitor.setVisibilityTimeout(p.value(visibility).toInt());
    if (Status s = monitor.setQueuesFromConnectionString(p.value(cs), p.values(queue), {}); !s) {
        std::fprintf(stderr, "iw-kill-consumer: %s\n", qPrintable(s.error().toString()));
        return 2;
    }
    monitor.setMode(NotificationMonitor::Mode::Consume);
    if (monitor.mode() != NotificationMonitor::Mode::Consume) {
        std::fprintf(stderr, "iw-kill-consumer: consume mode refused\n");
        return 2;
    }
    QObject::connect(&monitor, &NotificationMonitor::consumed, [](int n) {
        std::printf("CONSUMED %d\n", n);
        std::fflush(stdout);
    });
    QObject::connect(
        &monitor, &NotificationMonitor::errorOccurred, [](const Error &e, const QString &context) {
            std::fprintf(stderr, "iw-kill-consumer: %s: %s\n", qPrintable(context), qPrintable(e.toString()));
        });
    const bool stopWhenEmpty = p.isSet(exitWhenEmpty);
    QObject::connect(&monitor, &NotificationMonitor::refreshed,
                     [&monitor, stopWhenEmpty](const QDateTime &, bool ok) {
                         int read = 0;
                         for (const auto &q : monitor.queues())
                             read += q.lastRead;
                         if (stopWhenEmpty && ok && read == 0) {
                             QCoreApplication::exit(0);
                             return;
                         }
                         QTimer::singleShot(ok ? 0 : 200, &monitor, &NotificationMonitor::refresh);
                     });
    std::printf("READY\n");
    std::fflush(stdout);
    QTimer::singleShot(0, &monitor, &NotificationMonitor::refresh);
    return app.exec();
}
