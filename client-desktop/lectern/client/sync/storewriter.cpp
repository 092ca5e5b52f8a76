#include "storewriter.h"

#include "localconnection.h"
#include "localstore.h"
#include "synccontroller.h"

namespace Lectern::Client {

StoreWriter::StoreWriter(SyncController *controller, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<LocalStore>())
{
    // Queued to the controller's thread (this object goes to another), and gone with it.
    if (controller)
        connect(this, &StoreWriter::edited, controller,
                [controller](const QString &entity) { controller->afterBackgroundEdit(entity); });
}

StoreWriter::~StoreWriter() = default;

void StoreWriter::update(const QString &path, const QString &entity, const QString &id,
                         const QJsonObject &changes, const QJsonObject &bases, const Answer &answer)
{
    const Result<QJsonObject> written = [&]() -> Result<QJsonObject> {
        if (path.isEmpty())
            return LocalConnection::notOpen();
        if (m_store->path() != path || !m_store->isOpen()) {
            if (const Result<void> opened = m_store->open(path); !opened)
                return opened.error();
        }
        // Merged with what sync brought meanwhile inside the store's write transaction: a pull
        // landing between a read and the write here would otherwise be overwritten.
        if (const Result<void> updated = m_store->update(entity, id, changes, bases); !updated)
            return updated.error();
        QJsonObject fields = changes;
        if (const std::optional<LocalRecord> record = m_store->record(entity, id)) {
            for (auto it = fields.begin(); it != fields.end(); ++it)
                it.value() = record->fields.value(it.key());
        }
        return fields;
    }();
    // First those who edit the record learn what it holds, then views refresh and the engine
    // pushes, as after an edit made on the controller's thread.
    if (answer)
        answer(written);
    if (written)
        Q_EMIT edited(entity);
}

void StoreWriter::close()
{
    m_store->close();
}

} // namespace Lectern::Client
