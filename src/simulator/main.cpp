#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ingestwatch-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INGESTWATCH_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local Kusto ingest endpoint backed by Azure Storage."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
