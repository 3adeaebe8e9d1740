// Which argv starts the command line and which the window (CliApp::wantsCommandLine, used by main()).
#include "cli/CliApp.h"

#include <QTest>

using namespace iw;

class TestCliApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What starts the window stays the window's: only a command word, --help or --version mean the command
    // line (a GUI option's value, Qt's -platform NAME included, is not a command).
    void dispatch_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("commandLine");
        auto row = [](const char *name, std::initializer_list<const char *> args, bool cli) {
            QStringList l { QStringLiteral("ingestwatch") };
            for (const char *a : args)
                l << QString::fromLatin1(a);
            QTest::newRow(name) << l << cli;
        };
        row("nothing", {}, false);
        row("window options",
            { "--local-backend", "ops", "--profile", "watch", "--track", "x", "--submit-demo" }, false);
        row("qt platform", { "-platform", "offscreen" }, false);
        row("option=value", { "--archive=ops.sqlite" }, false);
        row("command", { "ops" }, true);
        row("command after options", { "--profile", "P", "statuses", "--json" }, true);
        row("unknown word", { "frobnicate" }, true);
        row("help", { "--local-backend", "f", "--help" }, true);
        row("version", { "-v" }, true);
    }
    void dispatch()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, commandLine);
        QCOMPARE(CliApp::wantsCommandLine(args), commandLine);
    }

    void everyCommandIsInTheHelp()
    {
        const QString help = CliApp::usageText();
        for (const QString &c : CliApp::commands())
            QVERIFY2(help.contains(QStringLiteral("  ") + c + QLatin1Char(' ')), qPrintable(c));
    }
};

QTEST_GUILESS_MAIN(TestCliApp)
#include "TestCliApp.moc"
