#include "authresponse.h"

#include "apiclient.h"

#include <QCoreApplication>

namespace Lectern::Client {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::AuthResponse)
};
} // namespace

Result<AuthResponse> AuthResponse::fromJson(const QJsonValue &data)
{
    const QJsonObject json = data.toObject();
    AuthResponse response;
    response.accessToken = json.value(u"accessToken").toString();
    response.refreshToken = json.value(u"refreshToken").toString();
    response.expiresIn = json.value(u"expiresIn").toInt();
    response.user = User::fromJson(json.value(u"user").toObject());
    response.organization = Organization::fromJson(json.value(u"organization").toObject());
    if (response.accessToken.isEmpty() || response.refreshToken.isEmpty()
        || response.user.id.isEmpty())
        return Error(QString::fromLatin1(ClientErrorCode::InvalidResponse),
                     Tr::tr("The server's sign-in answer is incomplete."));
    return response;
}

} // namespace Lectern::Client
