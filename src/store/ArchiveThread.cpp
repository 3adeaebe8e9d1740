#include "store/ArchiveThread.h"

#include <QMetaObject>

#include <optional>

namespace iw {

struct ArchiveThread::State
{
    ArchiveConfig config;
    std::unique_ptr<SqlArchive> archive;
    std::optional<Error> openError;
};

ArchiveThread::ArchiveThread(const ArchiveConfig &config, const QString &name)
    : m_state(std::make_shared<State>())
{
    m_state->config = config;
    m_thread.setObjectName(name);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

ArchiveThread::~ArchiveThread()
{
    QObject *context = m_context;
    QMetaObject::invokeMethod(
        m_context,
        [state = m_state, context] {
            state->archive.reset(); // closes and removes the connection on its own thread
            context->deleteLater(); // deleted when the thread finishes
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void ArchiveThread::post(Job job)
{
    QMetaObject::invokeMethod(
        m_context,
        [state = m_state, job = std::move(job)] {
            if (!state->archive) {
                auto opened = SqlArchive::open(state->config);
                if (opened) {
                    state->archive = std::move(opened).value();
                    state->openError.reset();
                } else {
                    state->openError = opened.error();
                }
            }
            job(state->archive.get(), state->archive ? nullptr : &*state->openError);
        },
        Qt::QueuedConnection);
}

} // namespace iw
