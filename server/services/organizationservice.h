#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"

#include <QCoreApplication>
#include <lectern/organization.h>

namespace Lectern::Server {

class Transaction;

// Organisations as their members see them: everyone sees their own, admins change it; nobody
// sees another organisation (404). Creating and removing organisations is the operator's job
// (`lectern-server org add`), not the API's.
class OrganizationService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::OrganizationService)

public:
    explicit OrganizationService(ServiceContext &context)
        : m_context(context)
    { }

    Result<Page<Organization>> list(const Caller &caller, const ListQuery &query);
    Result<Organization> get(const Caller &caller, const QString &id);
    Result<Organization> update(const Caller &caller, const QString &id, const QJsonObject &body);
    Result<Organization> updateSettings(const Caller &caller, const QString &id,
                                        const QJsonObject &body);

    // For the operator's command line: no caller, no API rules.
    Result<Organization> create(const QString &name, const QString &slug,
                                const OrganizationSettings &settings = {});

private:
    Result<Organization> update(const Caller &caller, const QString &id, const QJsonObject &body,
                                const QString &settingsPrefix);
    Result<Organization> visible(Transaction &tx, const Caller &caller, const QString &id);

    ServiceContext &m_context;
};

} // namespace Lectern::Server
