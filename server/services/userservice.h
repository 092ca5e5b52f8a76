#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"

#include <QCoreApplication>
#include <lectern/user.h>

namespace Lectern::Server {

// People in an organisation. Admins manage them; instructors and TAs may look them up (to enroll
// and grade); students see only themselves. Another organisation's people are never visible (404).
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::UserService)

public:
    explicit UserService(ServiceContext &context)
        : m_context(context)
    { }

    Result<Page<User>> list(const Caller &caller, const ListQuery &query);
    Result<User> get(const Caller &caller, const QString &id);
    // Answers (user, created): repeating a create with the same id and body returns the record.
    Result<std::pair<User, bool>> create(const Caller &caller, const QJsonObject &body);
    Result<User> update(const Caller &caller, const QString &id, const QJsonObject &body);
    Result<void> remove(const Caller &caller, const QString &id);

    // For the operator's command line and demo data: no caller, no API rules.
    Result<User> createInOrganization(const QString &orgSlug, const QString &email,
                                      const QString &name, const QList<Role> &roles,
                                      const QString &password);

private:
    ServiceContext &m_context;
};

} // namespace Lectern::Server
