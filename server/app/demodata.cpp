#include "demodata.h"

#include "core/logging.h"
#include "services/organizationservice.h"
#include "services/userservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <lectern/jsonutil.h>

namespace Lectern::Server {

QString DemoData::password()
{
    return QStringLiteral("lectern-demo");
}

Result<void> DemoData::ensure(OrganizationService &organizations, UserService &users)
{
    QFile file(QStringLiteral(":/lectern/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Internal,
                    QStringLiteral("The demo data is missing from this build."));
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject org = demo.value(u"organization").toObject();
    const QString slug = org.value(u"slug").toString();

    OrganizationSettings settings;
    ValidationErrors ignored;
    settings.applyJson(org.value(u"settings").toObject(), ignored);
    auto created = organizations.create(org.value(u"name").toString(), slug, settings);
    if (!created && created.error().code != QLatin1StringView(ErrorCode::AlreadyExists))
        return created.error();

    int made = 0;
    for (const QJsonValue &value : demo.value(u"users").toArray()) {
        const QJsonObject user = value.toObject();
        QList<Role> roles;
        for (const QString &name : Json::toStringList(user.value(u"roles"))) {
            if (auto role = roleFromString(name))
                roles.append(*role);
        }
        auto result = users.createInOrganization(slug, user.value(u"email").toString(),
                                                 user.value(u"name").toString(), roles, password());
        if (result)
            ++made;
        else if (result.error().code != QLatin1StringView(ErrorCode::AlreadyExists))
            return result.error();
    }
    qCWarning(lcServer).noquote()
        << QStringLiteral("demo data is enabled: the demo accounts' password is public (%1). "
                          "Never use --demo on a server that real people use.")
               .arg(password());
    if (made > 0)
        qCInfo(lcServer) << "created" << made << "demo accounts";
    return {};
}

} // namespace Lectern::Server
