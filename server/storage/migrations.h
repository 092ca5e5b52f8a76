#pragma once

#include "database.h"

#include <QList>

namespace Lectern::Server {

// Numbered schema changes, applied in order at start-up (and by `lectern-server migrate`), each in
// its own transaction together with its row in schema_migrations. Never edit a released migration:
// add the next number.
struct Migration
{
    int version;
    const char *name;
    QStringList statements; // may use SqlDialect type tokens
};

class Migrations
{
public:
    static const QList<Migration> &all();
    static int latestVersion();

    // Applies what is missing; returns how many migrations ran.
    static Result<int> apply(Database &db);
    // 0 for an empty database.
    static Result<int> currentVersion(Database &db);
};

} // namespace Lectern::Server
