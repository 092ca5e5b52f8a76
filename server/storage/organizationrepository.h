#pragma once

#include "transaction.h"

#include <lectern/hlc.h>
#include <lectern/organization.h>
#include <optional>

namespace Lectern::Server {

// Organisation rows. Writes bump rev and hlc and go through the change log.
class OrganizationRepository
{
public:
    static Result<std::optional<Organization>> findById(Transaction &tx, const QString &id);
    static Result<std::optional<Organization>> findBySlug(Transaction &tx, const QString &slug);
    // Fills in id (when empty), times, rev and hlc.
    static Result<void> insert(Transaction &tx, HlcClock &clock, Organization &org);
    static Result<void> update(Transaction &tx, HlcClock &clock, Organization &org);
};

} // namespace Lectern::Server
