#pragma once

#include "storage/recordstore.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Where a record goes among its siblings: fractional order keys (shared/lectern/orderkey.h), so
// that placing one record never renumbers the others and two devices' inserts never conflict.
// docs/architecture.md, "Merge rules".
class Placement
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::Placement)

public:
    // The order key for a record of `spec` placed at `position` ("first", "last" or absent,
    // {"after": id}, {"before": id}) among the live records whose `parentColumn` is `parentId`,
    // other than `movingId`. Reads the one or two neighbours of the place, never the whole list;
    // renumbers the siblings only when thousands of inserts have used up a gap. A position that
    // names no sibling is a validation error on "position".
    static Result<QString> orderKeyFor(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                       const QString &parentColumn, const QString &parentId,
                                       const QJsonValue &position, const QString &movingId = {});
};

} // namespace Lectern::Server
