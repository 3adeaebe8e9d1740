#include "gui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("IngestWatch"));
    QApplication::setOrganizationName(QStringLiteral("IngestWatch"));
    QApplication::setOrganizationDomain(QStringLiteral("ingestwatch.github.io"));
    QApplication::setApplicationVersion(QStringLiteral(INGESTWATCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.ingestwatch.IngestWatch"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Watch and steer Azure Data Explorer (Kusto) queued ingestion."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    iw::MainWindow window;
    window.show();
    return QApplication::exec();
}
