#include "editbatch.h"

#include <lectern/client/sync/synccontroller.h>

namespace Lectern::Client {

EditBatch::EditBatch(SyncController *sync, QStringList entities)
    : m_sync(sync)
    , m_entities(std::move(entities))
{
    if (m_sync)
        m_outermost = !m_sync->blockSignals(true);
}

EditBatch::~EditBatch()
{
    if (!m_sync || !m_outermost)
        return;
    m_sync->blockSignals(false);
    // The queued count changed with every write; say it once, with the records.
    Q_EMIT m_sync->statusChanged(m_sync->status());
    Q_EMIT m_sync->recordsChanged(m_entities);
}

} // namespace Lectern::Client
