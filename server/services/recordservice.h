#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"
#include "services/courseaccess.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <functional>

namespace Lectern::Server {

class RuleContext;

// The REST door of the registry's records: create, read, change, delete and list children of
// any kind of record, each decided by the record's rules (rules/recordrules.h), the same rules
// the sync applier asks. What is particular to REST stays here: ids chosen by the client (a
// repeated create answers the first record), a `position` in the body, parents named in the
// address, and sending back a record's unchanged fields. docs/architecture.md,
// "The rules layer".
class RecordService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::RecordService)

public:
    explicit RecordService(ServiceContext &context)
        : m_context(context)
    { }

    // What a route adds to the rules' field errors: a REST door's own rules of its body.
    using DoorCheck = std::function<void(const Record &current, ValidationErrors &errors)>;

    // POST /<parent>/:parentId/<records> (or /<records> for top-level ones, `parentId` null);
    // answers (record, made now). `door` are field errors the route found in the body.
    Result<std::pair<Record, bool>> create(const Caller &caller, const EntitySpec &spec,
                                           const QString &parentId, const QJsonObject &body,
                                           const ValidationErrors &door = {});
    Result<Record> get(const Caller &caller, const EntitySpec &spec, const QString &id);
    // PUT /<records>/:id; `door` checks the body against the record once the caller may change it.
    Result<Record> update(const Caller &caller, const EntitySpec &spec, const QString &id,
                          const QJsonObject &body, const DoorCheck &door = {});
    Result<void> remove(const Caller &caller, const EntitySpec &spec, const QString &id);
    // GET /<parent>/:parentId/<records>: the children the caller may see, filtered by `q`.
    Result<Page<Record>> listChildren(const Caller &caller, const EntitySpec &spec,
                                      const QString &parentId, const ListQuery &query);
    // The sorts of a list of `spec`'s records: its order among siblings when it has one (the
    // default), its title, when it was made.
    static QStringList sortFields(const EntitySpec &spec);

    // The `id` a client chose for a new record in `body` (lower case), empty when it chose none;
    // a validation error on "id" when it is not a UUID.
    static Result<QString> requestedId(const QJsonObject &body);

private:
    // A record the caller may change, with their standing in its course; not_found otherwise.
    struct Changing
    {
        Record record;
        CourseAccess access;
    };
    static Result<Changing> changing(Transaction &tx, RuleContext &context, const EntitySpec &spec,
                                     const QString &id);

    ServiceContext &m_context;
};

} // namespace Lectern::Server
