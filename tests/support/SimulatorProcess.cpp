#include "SimulatorProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace iw::test {

SimulatorProcess::SimulatorProcess() = default;

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

QString SimulatorProcess::binary()
{
    const QByteArray env = qgetenv("IW_SIM_BIN");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    // Walk up from the test binary's folder to the build root: <build>/src/simulator/ingestwatch-sim.
    QDir dir(QCoreApplication::applicationDirPath());
    for (int i = 0; i < 6; ++i) {
        for (const QString &rel :
             { QStringLiteral("ingestwatch-sim"), QStringLiteral("src/simulator/ingestwatch-sim") }) {
            const QFileInfo f(dir.filePath(rel));
            if (f.isFile() && f.isExecutable())
                return f.absoluteFilePath();
        }
        if (!dir.cdUp())
            break;
    }
    return {};
}

bool SimulatorProcess::start(const QStringList &args, Storage storage, int timeoutMs)
{
    stop();
    m_error.clear();
    m_values.clear();
    const QString program = binary();
    if (program.isEmpty()) {
        m_error = QStringLiteral("ingestwatch-sim not found: set IW_SIM_BIN");
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    QStringList all { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") };
    if (storage == Storage::Azurite) {
        m_azurite = std::make_unique<AzuriteProcess>(AzuriteProcess::Services(AzuriteProcess::Table)
                                                     | AzuriteProcess::Queue | AzuriteProcess::Blob);
        m_azurite->setNice(m_nice);
        if (!m_azurite->start(int(qMax<qint64>(1000, deadline.remainingTime())))) {
            m_error = QStringLiteral("Azurite: ") + m_azurite->errorString();
            m_azurite.reset();
            return false;
        }
        all << QStringLiteral("--storage") << m_azurite->connectionString();
    } else if (!args.contains(QStringLiteral("--storage"))
               && !args.contains(QStringLiteral("--no-storage"))) {
        all << QStringLiteral("--no-storage");
    }
    all << args;

    m_process = new QProcess;
    m_process->setProgram(program);
    m_process->setArguments(all);
    // stderr (errors; with --verbose the request log) goes straight to the test's own stderr, so a
    // chatty simulator can never block on a full pipe.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setChildProcessModifier([nice = m_nice] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (nice != 0)
            ::setpriority(PRIO_PROCESS, 0, nice); // best effort
    });
    m_process->start();
    if (!m_process->waitForStarted(5000)) {
        m_error = QStringLiteral("Could not start %1: %2").arg(program, m_process->errorString());
        stop();
        return false;
    }
    const bool wantToken = args.contains(QStringLiteral("--print-token"));
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine())
            m_process->waitForReadyRead(100);
        while (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq > 0)
                m_values.insert(line.left(eq), line.mid(eq + 1));
        }
        const bool ready = m_values.contains(QStringLiteral("INGESTWATCH_SIM_PORT"))
            && m_values.contains(QStringLiteral("INGESTWATCH_SIM_URL"))
            && (!wantToken || m_values.contains(QStringLiteral("INGESTWATCH_SIM_TOKEN")));
        if (ready) {
            m_url = QUrl(m_values.value(QStringLiteral("INGESTWATCH_SIM_URL")));
            m_port = quint16(m_values.value(QStringLiteral("INGESTWATCH_SIM_PORT")).toUInt());
            m_token = m_values.value(QStringLiteral("INGESTWATCH_SIM_TOKEN"));
            return true;
        }
        if (m_process->state() != QProcess::Running) {
            m_error = QStringLiteral("ingestwatch-sim exited early (exit code %1; its stderr is above)")
                          .arg(m_process->exitCode());
            stop();
            return false;
        }
    }
    m_error = QStringLiteral("ingestwatch-sim printed no ready lines within %1 ms").arg(timeoutMs);
    stop();
    return false;
}

void SimulatorProcess::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate(); // SIGTERM to the pid we started
            if (!m_process->waitForFinished(3000)) {
                m_process->kill();
                m_process->waitForFinished(3000);
            }
        }
        delete m_process;
        m_process = nullptr;
    }
    if (m_azurite) {
        m_azurite->stop();
        m_azurite.reset();
    }
}

bool SimulatorProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 SimulatorProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString SimulatorProcess::storageConnectionString() const
{
    return m_azurite ? m_azurite->connectionString() : QString();
}

} // namespace iw::test
