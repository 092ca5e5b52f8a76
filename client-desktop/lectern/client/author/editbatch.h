#pragma once

#include <QPointer>
#include <QStringList>

namespace Lectern::Client {

class SyncController;

// Holds back the SyncController's signals while one user action writes many records (a
// duplicated course, a module removed with its items), then announces the action once: views
// refresh once instead of once per record. Batches nest; the outermost one announces.
class EditBatch
{
public:
    // `entities`: what the action may change, announced by recordsChanged() at the end.
    EditBatch(SyncController *sync, QStringList entities);
    ~EditBatch();
    Q_DISABLE_COPY_MOVE(EditBatch)

private:
    QPointer<SyncController> m_sync;
    QStringList m_entities;
    bool m_outermost = false;
};

} // namespace Lectern::Client
