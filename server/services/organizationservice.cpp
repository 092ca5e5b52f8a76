#include "organizationservice.h"

#include "storage/organizationrepository.h"

namespace Lectern::Server {

Result<Organization> OrganizationService::visible(Transaction &tx, const Caller &caller,
                                                  const QString &id)
{
    const Error notFound = fail(ErrorCode::NotFound, tr("There is no such organisation."));
    if (id != caller.orgId)
        return notFound;
    auto org = OrganizationRepository::findById(tx, id);
    if (!org)
        return org.error();
    if (!*org)
        return notFound;
    return **org;
}

Result<Page<Organization>> OrganizationService::list(const Caller &caller, const ListQuery &query)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto own = visible(tx, caller, caller.orgId);
    if (!own)
        return own.error();
    Page<Organization> page;
    page.page = query.page;
    page.limit = query.limit;
    page.total = 1;
    const QString q = query.filter(QStringLiteral("q")).trimmed();
    const bool matches = q.isEmpty() || own->name.contains(q, Qt::CaseInsensitive)
        || own->slug.contains(q, Qt::CaseInsensitive);
    if (!matches)
        page.total = 0;
    else if (query.page == 1)
        page.items.append(*own);
    return page;
}

Result<Organization> OrganizationService::get(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    return visible(tx, caller, id);
}

Result<Organization> OrganizationService::update(const Caller &caller, const QString &id,
                                                 const QJsonObject &body)
{
    return update(caller, id, body, QStringLiteral("settings."));
}

Result<Organization> OrganizationService::update(const Caller &caller, const QString &id,
                                                 const QJsonObject &body,
                                                 const QString &settingsPrefix)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto org = visible(tx, caller, id);
    if (!org)
        return org.error();
    if (!caller.isAdmin())
        return fail(ErrorCode::Forbidden, tr("Only an administrator can change the organisation."));

    ValidationErrors errors;
    JsonFields fields(body, errors);
    fields.rejectUnknown({QStringLiteral("name"), QStringLiteral("slug"),
                          QStringLiteral("settings"), QStringLiteral("id"), QStringLiteral("rev"),
                          QStringLiteral("createdAt"), QStringLiteral("updatedAt")});
    if (auto name = fields.string(QStringLiteral("name")))
        org->name = name->trimmed();
    if (auto slug = fields.string(QStringLiteral("slug")))
        org->slug = *slug;
    if (auto settings = fields.object(QStringLiteral("settings")))
        org->settings.applyJson(*settings, errors, settingsPrefix);
    const ValidationErrors modelErrors = org->validate();
    errors.add(modelErrors);
    if (!errors.isEmpty())
        return errors.toError();

    if (auto r = OrganizationRepository::update(tx, m_context.clock(), *org); !r) {
        if (r.error().code == QLatin1StringView(ErrorCode::AlreadyExists))
            return fail(ErrorCode::AlreadyExists,
                        tr("Another organisation already uses this slug."),
                        {{QStringLiteral("fields"),
                          QJsonObject {{QStringLiteral("slug"), tr("is taken")}}}});
        return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return org;
}

Result<Organization> OrganizationService::updateSettings(const Caller &caller, const QString &id,
                                                         const QJsonObject &body)
{
    // Here the settings are the whole body, so their fields are named without a prefix.
    return update(caller, id, QJsonObject {{QStringLiteral("settings"), body}}, QString());
}

Result<Organization> OrganizationService::create(const QString &name, const QString &slug,
                                                 const OrganizationSettings &settings)
{
    Organization org;
    org.name = name.trimmed();
    org.slug = slug;
    org.settings = settings;
    const ValidationErrors errors = org.validate();
    if (!errors.isEmpty())
        return errors.toError();
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = OrganizationRepository::insert(tx, m_context.clock(), org); !r) {
        if (r.error().code == QLatin1StringView(ErrorCode::AlreadyExists))
            return fail(ErrorCode::AlreadyExists,
                        tr("An organisation with the slug '%1' already exists.").arg(slug));
        return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return org;
}

} // namespace Lectern::Server
