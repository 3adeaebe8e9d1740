#include "AzuriteProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace iw::test {

namespace {

const char *serviceName(AzuriteProcess::Service s)
{
    switch (s) {
    case AzuriteProcess::Table:
        return "table";
    case AzuriteProcess::Queue:
        return "queue";
    case AzuriteProcess::Blob:
        return "blob";
    }
    return "table";
}

} // namespace

AzuriteProcess::AzuriteProcess(Services services) : m_services(services) { }

AzuriteProcess::~AzuriteProcess()
{
    stop();
}

QString AzuriteProcess::binDir()
{
    const QByteArray env = qgetenv("IW_AZURITE_BIN_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStringLiteral(IW_SOURCE_DIR "/tools/azurite/node_modules/.bin");
}

quint16 AzuriteProcess::freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

bool AzuriteProcess::startOne(Proc &p, int timeoutMs)
{
    const QString name = QLatin1String(serviceName(p.service));
    const QString program = binDir() + QStringLiteral("/azurite-") + name;
    if (!QFileInfo(program).isExecutable()) {
        m_error = QStringLiteral("Azurite not found: %1 (set IW_AZURITE_BIN_DIR or run scripts/setup)")
                      .arg(program);
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    for (int attempt = 0; attempt < 3; ++attempt) {
        p.port = freePort();
        p.process = new QProcess;
        p.process->setProgram(program);
        QStringList args { QStringLiteral("--inMemoryPersistence"),
                           QStringLiteral("--disableTelemetry"),
                           QStringLiteral("--silent"),
                           QStringLiteral("--%1Host").arg(name),
                           QStringLiteral("127.0.0.1"),
                           QStringLiteral("--%1Port").arg(name),
                           QString::number(p.port) };
        args += m_extraArgs;
        p.process->setArguments(args);
        p.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.process->setStandardOutputFile(QProcess::nullDevice());
        p.process->setChildProcessModifier([nice = m_nice] {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (nice != 0)
                ::setpriority(PRIO_PROCESS, 0, nice); // best effort
        });
        p.process->start();
        if (!p.process->waitForStarted(5000)) {
            m_error = QStringLiteral("Could not start %1: %2").arg(program, p.process->errorString());
            delete p.process;
            p.process = nullptr;
            return false;
        }
        // Ready when the port answers.
        while (!deadline.hasExpired() && p.process->state() == QProcess::Running) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(p.port));
            if (s.waitForConnected(200))
                return true;
            p.process->waitForFinished(100); // also a short pause
        }
        const bool exited = p.process->state() != QProcess::Running;
        m_error = exited
            ? QStringLiteral("azurite-%1 exited early (exit code %2)").arg(name).arg(p.process->exitCode())
            : QStringLiteral("azurite-%1 did not answer on port %2 within %3 ms")
                  .arg(name)
                  .arg(p.port)
                  .arg(timeoutMs);
        if (!exited) {
            p.process->kill();
            p.process->waitForFinished(3000);
        }
        delete p.process;
        p.process = nullptr;
        if (!exited || deadline.hasExpired())
            return false; // exited early: probably lost the port race, try another one
    }
    return false;
}

bool AzuriteProcess::start(int timeoutMs)
{
    stop();
    m_error.clear();
    for (Service s : { Table, Queue, Blob }) {
        if (!m_services.testFlag(s))
            continue;
        Proc p;
        p.service = s;
        if (!startOne(p, timeoutMs)) {
            stop();
            return false;
        }
        m_procs.append(p);
        (s == Table ? m_tablePort : s == Queue ? m_queuePort : m_blobPort) = p.port;
    }
    return true;
}

void AzuriteProcess::stop()
{
    for (Proc &p : m_procs) {
        if (!p.process)
            continue;
        if (p.process->state() != QProcess::NotRunning) {
            p.process->terminate(); // SIGTERM to the pid we started
            if (!p.process->waitForFinished(3000)) {
                p.process->kill();
                p.process->waitForFinished(3000);
            }
        }
        delete p.process;
        p.process = nullptr;
    }
    m_procs.clear();
}

bool AzuriteProcess::isRunning() const
{
    if (m_procs.isEmpty())
        return false;
    for (const Proc &p : m_procs) {
        if (!p.process || p.process->state() != QProcess::Running)
            return false;
    }
    return true;
}

QList<qint64> AzuriteProcess::pids() const
{
    QList<qint64> out;
    for (const Proc &p : m_procs) {
        if (p.process)
            out << p.process->processId();
    }
    return out;
}

static QUrl endpoint(int port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/devstoreaccount1").arg(port));
}

QUrl AzuriteProcess::tableEndpoint() const
{
    return endpoint(m_tablePort);
}
QUrl AzuriteProcess::queueEndpoint() const
{
    return endpoint(m_queuePort);
}
QUrl AzuriteProcess::blobEndpoint() const
{
    return endpoint(m_blobPort);
}

QString AzuriteProcess::accountKey()
{
    return QStringLiteral(
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==");
}

QString AzuriteProcess::connectionString() const
{
    QString cs = QStringLiteral("DefaultEndpointsProtocol=http;AccountName=%1;AccountKey=%2")
                     .arg(accountName(), accountKey());
    if (m_tablePort)
        cs += QStringLiteral(";TableEndpoint=") + tableEndpoint().toString();
    if (m_queuePort)
        cs += QStringLiteral(";QueueEndpoint=") + queueEndpoint().toString();
    if (m_blobPort)
        cs += QStringLiteral(";BlobEndpoint=") + blobEndpoint().toString();
    return cs;
}

} // namespace iw::test
