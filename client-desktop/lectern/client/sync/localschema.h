#pragma once

// The offline store's tables and how an older database is brought up to date (PRAGMA
// user_version): records (what the user sees beside what the server last sent), their short
// copies for outlines (record_summaries, kept by triggers), the outbox, the refused ops and the
// sync state. Internal to LocalStore (docs/architecture.md, "The offline store").

#include <QString>
#include <lectern/result.h>

namespace Lectern::Client {

class LocalConnection;

namespace LocalSchema {

// The version a database has once open() is done with it.
inline constexpr int version = 6;

// Sets the connection up (WAL, foreign keys), creates or migrates every table in one
// transaction and answers this database's device id (made when the database was created).
Result<QString> open(LocalConnection &connection);

} // namespace LocalSchema

// Where a record hangs in the outline, per entity (from the registry): the JSON names copied
// out of its fields into parent_id and order_key.
struct EntityLayout
{
    QString parentField;
    QString orderField;
};
EntityLayout layoutOf(const QString &entity);

} // namespace Lectern::Client
