#pragma once

// SyncController's door for edits written off its thread: the lesson autosave writes from a
// thread of its own so that typing never waits for the database. An edit made here takes the
// same path as SyncController::update() (docs/architecture.md, "The offline store"): LocalStore's
// write API checks it against the registry and writes the record with its outbox op in one
// transaction, and then the controller is told, so views refresh and the engine pushes as after
// any other edit.

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>
#include <lectern/result.h>
#include <memory>

namespace Lectern::Client {

class LocalStore;
class SyncController;

// Lives in a worker thread (move it there, or make it a child of an object that goes there),
// with a LocalStore connection of its own (WAL lets it coexist with the controller's).
class StoreWriter : public QObject
{
    Q_OBJECT

public:
    // Created on `controller`'s thread; `controller` may be null or go away first (the edits are
    // still written, nobody is told).
    explicit StoreWriter(SyncController *controller, QObject *parent = nullptr);
    ~StoreWriter() override;

    // What a write answers: the written fields as the record now holds them (a text merged with
    // a change sync brought in differs from what was handed over), or why it failed.
    using Answer = std::function<void(const Result<QJsonObject> &written)>;

    // On this object's thread: SyncController::update() for the database at `path` (the one the
    // edit was made in: it goes there even if the session ended meanwhile). `bases` as for
    // LocalStore::update(). `answer` hears the outcome first, then the controller is told.
    void update(const QString &path, const QString &entity, const QString &id,
                const QJsonObject &changes, const QJsonObject &bases, const Answer &answer);
    // Closes the connection (on this object's thread).
    void close();

Q_SIGNALS:
    // An edit of `entity` records was written (connected to the controller's afterEdit()).
    void edited(const QString &entity);

private:
    std::unique_ptr<LocalStore> m_store;
};

} // namespace Lectern::Client
