#include "organizationrepository.h"

#include "changelog.h"

#include <QJsonDocument>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
const QString columns
    = QStringLiteral("id, name, slug, settings, created_at, updated_at, rev, hlc, deleted");

Organization readOrganization(const SqlQuery &q)
{
    Organization org;
    org.id = q.text(0);
    org.name = q.text(1);
    org.slug = q.text(2);
    ValidationErrors ignored;
    org.settings.applyJson(QJsonDocument::fromJson(q.text(3).toUtf8()).object(), ignored);
    org.createdAt = q.time(4);
    org.updatedAt = q.time(5);
    org.rev = q.int64(6);
    org.hlc = q.text(7);
    org.deleted = q.boolean(8);
    return org;
}

Result<std::optional<Organization>> findOne(Transaction &tx, const QString &where,
                                            const QString &value)
{
    auto q = tx.query(QStringLiteral("SELECT ") + columns
                      + QStringLiteral(" FROM organizations WHERE deleted = 0 AND ") + where);
    q.bind(QStringLiteral(":v"), value);
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return std::optional<Organization>();
    return std::optional<Organization>(readOrganization(q));
}

QString settingsText(const Organization &org)
{
    return QString::fromUtf8(QJsonDocument(org.settings.toJson()).toJson(QJsonDocument::Compact));
}
} // namespace

Result<std::optional<Organization>> OrganizationRepository::findById(Transaction &tx,
                                                                     const QString &id)
{
    return findOne(tx, QStringLiteral("id = :v"), id);
}

Result<std::optional<Organization>> OrganizationRepository::findBySlug(Transaction &tx,
                                                                       const QString &slug)
{
    return findOne(tx, QStringLiteral("slug = :v"), slug);
}

Result<void> OrganizationRepository::insert(Transaction &tx, HlcClock &clock, Organization &org)
{
    if (org.id.isEmpty())
        org.id = createUuidV7String();
    org.createdAt = org.updatedAt = QDateTime::currentDateTimeUtc();
    org.rev = 1;
    org.hlc = clock.now().toString();
    auto q = tx.query(QStringLiteral(
        "INSERT INTO organizations (id, org_id, name, slug, settings, created_at, updated_at, rev, "
        "hlc)"
        " VALUES (:id, :id, :name, :slug, :settings, :created, :updated, :rev, :hlc)"));
    q.bind(QStringLiteral(":id"), org.id)
        .bind(QStringLiteral(":name"), org.name.trimmed())
        .bind(QStringLiteral(":slug"), org.slug)
        .bind(QStringLiteral(":settings"), settingsText(org))
        .bind(QStringLiteral(":created"), timeValue(org.createdAt))
        .bind(QStringLiteral(":updated"), timeValue(org.updatedAt))
        .bind(QStringLiteral(":rev"), org.rev)
        .bind(QStringLiteral(":hlc"), org.hlc);
    if (auto r = q.exec(); !r)
        return r;
    auto seq = ChangeLog::record(
        tx, {org.id, QStringLiteral("organization"), org.id, org.rev, org.hlc, false});
    if (!seq)
        return seq.error();
    return {};
}

Result<void> OrganizationRepository::update(Transaction &tx, HlcClock &clock, Organization &org)
{
    org.updatedAt = QDateTime::currentDateTimeUtc();
    org.hlc = clock.now().toString();
    auto q = tx.query(
        QStringLiteral("UPDATE organizations SET name = :name, slug = :slug, settings = :settings,"
                       " updated_at = :updated, rev = rev + 1, hlc = :hlc, deleted = :deleted"
                       " WHERE id = :id RETURNING rev"));
    q.bind(QStringLiteral(":id"), org.id)
        .bind(QStringLiteral(":name"), org.name.trimmed())
        .bind(QStringLiteral(":slug"), org.slug)
        .bind(QStringLiteral(":settings"), settingsText(org))
        .bind(QStringLiteral(":updated"), timeValue(org.updatedAt))
        .bind(QStringLiteral(":hlc"), org.hlc)
        .bind(QStringLiteral(":deleted"), org.deleted ? 1 : 0);
    if (auto r = q.exec(); !r)
        return r;
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("No such organisation."));
    org.rev = q.int64(0);
    auto seq = ChangeLog::record(
        tx, {org.id, QStringLiteral("organization"), org.id, org.rev, org.hlc, org.deleted});
    if (!seq)
        return seq.error();
    return {};
}

} // namespace Lectern::Server
