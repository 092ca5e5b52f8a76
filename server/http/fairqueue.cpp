#include "fairqueue.h"

namespace Lectern::Server {

FairQueue::Admission FairQueue::push(Job job)
{
    QMutexLocker lock(&m_mutex);
    Admission admission;
    const qsizetype own = m_byKey.value(job.key).size();
    if (m_size >= m_capacity) {
        QString heaviest;
        qsizetype most = 0;
        for (auto it = m_byKey.cbegin(); it != m_byKey.cend(); ++it) {
            if (qsizetype(it->size()) > most) {
                most = qsizetype(it->size());
                heaviest = it.key();
            }
        }
        if (own + 1 >= most) {
            admission.refusal = own > 0 ? Refusal::OwnShare : Refusal::Full;
            return admission;
        }
        std::deque<Job> &victims = m_byKey[heaviest];
        admission.evicted = std::move(victims.back());
        victims.pop_back();
        --m_size; // the heaviest keeps at least one job, so it keeps its turn
    }
    std::deque<Job> &jobs = m_byKey[job.key];
    if (jobs.empty())
        m_turns.push_back(job.key);
    jobs.push_back(std::move(job));
    ++m_size;
    return admission;
}

std::optional<FairQueue::Job> FairQueue::take()
{
    QMutexLocker lock(&m_mutex);
    if (m_turns.empty())
        return std::nullopt;
    const QString key = m_turns.front();
    m_turns.pop_front();
    auto it = m_byKey.find(key);
    Job job = std::move(it->front());
    it->pop_front();
    if (it->empty())
        m_byKey.erase(it);
    else
        m_turns.push_back(key);
    --m_size;
    return job;
}

int FairQueue::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_size;
}

int FairQueue::queuedFor(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return int(m_byKey.value(key).size());
}

} // namespace Lectern::Server
