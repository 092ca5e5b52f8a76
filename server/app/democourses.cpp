#include "democourses.h"

#include "app/servercontext.h"
#include "core/logging.h"
#include "services/enrollmentservice.h"
#include "storage/organizationrepository.h"
#include "storage/recordstore.h"
#include "storage/userrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
// A mistake in the resource is a bug of this build, not something an operator can fix.
Error broken(const QString &what)
{
    return fail(ErrorCode::Internal,
                QStringLiteral("The demo courses of this build are broken: %1").arg(what));
}

// The resource keeps Markdown as one string a line, which reads and diffs far better.
QJsonValue markdown(const QJsonValue &value)
{
    if (!value.isArray())
        return value;
    return Json::toStringList(value).join(u'\n');
}

// Validates `fields` as a client's create would be, then writes them through RecordStore.
Result<Record> insert(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                      const QString &orgId, const QJsonObject &fields, const QString &where)
{
    const ValidationErrors errors = spec.validate(fields, EntitySpec::Mode::Create);
    if (!errors.isEmpty()) {
        const QString field = errors.fieldNames().value(0);
        return broken(QStringLiteral("%1: %2 %3").arg(where, field, errors.message(field)));
    }
    return RecordStore::insert(tx, clock, spec, orgId, createUuidV7String(),
                               spec.normalize(fields, EntitySpec::Mode::Create));
}

// Also counts deleted courses: whoever deleted a demo course meant it to stay gone.
Result<bool> codeEverUsed(Transaction &tx, const QString &orgId, const QString &code)
{
    RecordFilter filter;
    filter.add(QStringLiteral("org_id = :org AND code = :code"))
        .bind(QStringLiteral(":org"), orgId)
        .bind(QStringLiteral(":code"), code);
    filter.includeDeleted = true;
    auto count = RecordStore::count(tx, Entities::course(), filter);
    if (!count)
        return count.error();
    return *count > 0;
}

// `people` maps a course role to the emails of demo accounts; they are enrolled as a manager
// enrolls them (seat limit and enrollment window overridden), so the records are ordinary ones.
Result<void> enrollPeople(Transaction &tx, HlcClock &clock, const QString &orgId,
                          const Record &course, const QJsonObject &people, const QString &where)
{
    const QStringList roles = Entities::enrollment().field(QStringLiteral("role"))->values;
    for (auto it = people.begin(); it != people.end(); ++it) {
        if (!roles.contains(it.key()))
            return broken(QStringLiteral("%1: '%2' is not a course role").arg(where, it.key()));
        for (const QString &email : Json::toStringList(it.value())) {
            auto user = UserRepository::findByEmail(tx, email);
            if (!user)
                return user.error();
            if (!*user || (*user)->user.orgId != orgId)
                return broken(QStringLiteral("%1: %2 is not a demo account").arg(where, email));
            EnrollmentService::Request request;
            request.userId = (*user)->user.id;
            request.role = it.key();
            request.enforceWindow = false;
            request.override = true;
            LECTERN_TRY(EnrollmentService::enrollIn(tx, clock, course, request));
        }
    }
    return {};
}

Result<void> addCourse(Transaction &tx, HlcClock &clock, const QString &orgId, QJsonObject course,
                       const QDateTime &now)
{
    const QString where = course.value(u"code").toString();
    const QJsonObject people = course.take(u"people").toObject();
    const QJsonArray modules = course.take(u"modules").toArray();
    course.insert(QStringLiteral("description"), markdown(course.value(u"description")));
    LECTERN_TRY_ASSIGN(const Record made,
                       insert(tx, clock, Entities::course(), orgId, course, where));
    const QString courseId = made.value(u"id").toString();
    LECTERN_TRY(enrollPeople(tx, clock, orgId, made, people, where));

    const QStringList moduleKeys = OrderKey::spread(int(modules.size()));
    for (qsizetype m = 0; m < modules.size(); ++m) {
        QJsonObject module = modules[m].toObject();
        const QString moduleWhere = where + QStringLiteral(" module %1").arg(m + 1);
        const QJsonArray items = module.take(u"items").toArray();
        // Relative to now, so the module is still locked when someone first looks at it.
        const QJsonValue unlockAfterDays = module.take(u"unlockAfterDays");
        if (!unlockAfterDays.isUndefined())
            module.insert(QStringLiteral("unlockAt"),
                          Json::fromDateTime(now.addDays(unlockAfterDays.toInt())));
        module.insert(QStringLiteral("courseId"), courseId);
        module.insert(QStringLiteral("orderKey"), moduleKeys[m]);
        LECTERN_TRY_ASSIGN(const Record madeModule,
                           insert(tx, clock, Entities::module(), orgId, module, moduleWhere));

        const QStringList itemKeys = OrderKey::spread(int(items.size()));
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items[i].toObject();
            item.insert(QStringLiteral("body"), markdown(item.value(u"body")));
            item.insert(QStringLiteral("courseId"), courseId);
            item.insert(QStringLiteral("moduleId"), madeModule.value(u"id"));
            item.insert(QStringLiteral("orderKey"), itemKeys[i]);
            LECTERN_TRY(insert(tx, clock, Entities::content(), orgId, item,
                               moduleWhere + QStringLiteral(" item %1").arg(i + 1)));
        }
    }
    return {};
}
} // namespace

Result<int> DemoCourses::ensure(ServerContext &context)
{
    QFile file(QStringLiteral(":/lectern/demo-courses.json"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Internal,
                    QStringLiteral("The demo courses are missing from this build."));
    QJsonParseError parseError;
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return broken(parseError.errorString());

    // One transaction: a failure leaves no half-made course behind.
    Transaction tx(context.db());
    if (!tx.isOk())
        return tx.error();
    const QString slug = demo.value(u"organization").toString();
    auto org = OrganizationRepository::findBySlug(tx, slug);
    if (!org)
        return org.error();
    if (!*org)
        return fail(ErrorCode::NotFound,
                    QStringLiteral("The demo courses need the demo organisation (\"%1\"): "
                                   "turn on demo as well.")
                        .arg(slug));
    const QString orgId = (*org)->id;
    // Enrollments count seats under this lock, as every enrollment does.
    LECTERN_TRY(EnrollmentService::lockWriters(tx));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList made;
    for (const QJsonValue &value : demo.value(u"courses").toArray()) {
        const QJsonObject course = value.toObject();
        const QString code = course.value(u"code").toString();
        auto used = codeEverUsed(tx, orgId, code);
        if (!used)
            return used.error();
        if (*used)
            continue;
        LECTERN_TRY(addCourse(tx, context.clock(), orgId, course, now));
        made.append(code);
    }
    if (made.isEmpty())
        return 0;
    LECTERN_TRY(tx.commit());
    qCInfo(lcServer).noquote() << "created the demo courses" << made.join(QStringLiteral(", "));
    return int(made.size());
}

} // namespace Lectern::Server
